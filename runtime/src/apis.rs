//! The runtime APIs: the standard ones a node and polkadot.js need, `DtaoApi`, and btcli's four
//! (`SubnetInfoRuntimeApi`, `StakeInfoRuntimeApi`, `SubnetRegistrationRuntimeApi`,
//! `SwapRuntimeApi`), adapters over `Dtao`'s views in `pallet-subtensor-compat`.

use crate::{
	AccountId, Aura, Balance, Block, Executive, Grandpa, InherentDataExt, Nonce, Runtime, RuntimeCall,
	RuntimeGenesisConfig, SessionKeys, SubtensorModule, System, TransactionPayment, VERSION,
};
use pallet_subtensor_compat::info as compat;
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		genesis_builder_helper::{build_state, get_preset},
		weights::Weight,
	},
	pallet_grandpa::AuthorityId as GrandpaId,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_core::{crypto::KeyTypeId, OpaqueMetadata},
	sp_runtime::{
		traits::{Block as BlockT, NumberFor},
		transaction_validity::{TransactionSource, TransactionValidity},
		ApplyExtrinsicResult,
	},
	sp_api::impl_runtime_apis,
	sp_version::RuntimeVersion,
	*,
};

type SubnetInfo = dtao_runtime_api::SubnetInfo<AccountId>;
type StakeInfo = dtao_runtime_api::StakeInfo<AccountId>;
type SwapQuote = dtao_runtime_api::SwapQuote;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<<Block as BlockT>::Hash, NumberFor<Block>>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// No session pallet: there is no key ownership to prove.
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall> for Runtime {
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::presets::preset_names()
		}
	}

	#[api_version(5)]
	impl dtao_runtime_api::DtaoApi<Block, AccountId> for Runtime {
		fn subnet_info(netuid: u16) -> Option<SubnetInfo> {
			pallet_dtao::Pallet::<Runtime>::api_subnet_info(netuid)
		}

		fn all_subnets() -> Vec<SubnetInfo> {
			pallet_dtao::Pallet::<Runtime>::api_all_subnets()
		}

		fn quote_add_stake(netuid: u16, tao: u64) -> Option<SwapQuote> {
			pallet_dtao::Pallet::<Runtime>::api_quote_add_stake(netuid, tao)
		}

		fn quote_remove_stake(netuid: u16, alpha: u64) -> Option<SwapQuote> {
			pallet_dtao::Pallet::<Runtime>::api_quote_remove_stake(netuid, alpha)
		}

		fn quote_remove_stake_for(coldkey: AccountId, hotkey: AccountId, netuid: u16, alpha: u64) -> Option<SwapQuote> {
			pallet_dtao::Pallet::<Runtime>::api_quote_remove_stake_for(coldkey, hotkey, netuid, alpha)
		}

		fn stake_info(coldkey: AccountId) -> Vec<StakeInfo> {
			pallet_dtao::Pallet::<Runtime>::api_stake_info(coldkey)
		}

		fn network_registration_cost() -> u64 {
			pallet_dtao::Pallet::<Runtime>::network_registration_cost()
		}

		fn metagraph(netuid: u16) -> Option<dtao_runtime_api::Metagraph<AccountId>> {
			pallet_dtao::Pallet::<Runtime>::api_metagraph(netuid)
		}

		fn root_claimable(coldkey: AccountId, hotkey: AccountId, netuid: u16) -> u64 {
			pallet_dtao::Pallet::<Runtime>::root_claimable(&coldkey, &hotkey, netuid)
		}

		fn root_claimable_tao(coldkey: AccountId, hotkey: AccountId, netuid: u16) -> u64 {
			pallet_dtao::Pallet::<Runtime>::root_claimable_tao(&coldkey, &hotkey, netuid)
		}

		fn quote_move_stake(request: dtao_runtime_api::MoveRequest<AccountId>) -> Option<dtao_runtime_api::MoveOutcome> {
			pallet_dtao::Pallet::<Runtime>::api_quote_move_stake(request)
		}
	}

	impl pallet_subtensor_compat::runtime_api::SubnetInfoRuntimeApi<Block, AccountId> for Runtime {
		fn get_dynamic_info(netuid: u16) -> Option<compat::DynamicInfo<AccountId>> {
			SubtensorModule::get_dynamic_info(netuid)
		}

		fn get_all_dynamic_info() -> Vec<Option<compat::DynamicInfo<AccountId>>> {
			SubtensorModule::get_all_dynamic_info()
		}

		fn get_metagraph(netuid: u16) -> Option<compat::Metagraph<AccountId>> {
			SubtensorModule::get_mechagraph(netuid, 0)
		}

		fn get_mechagraph(netuid: u16, mecid: u8) -> Option<compat::Metagraph<AccountId>> {
			SubtensorModule::get_mechagraph(netuid, mecid)
		}

		fn get_subnet_state(netuid: u16) -> Option<compat::SubnetState<AccountId>> {
			SubtensorModule::get_subnet_state(netuid)
		}

		fn get_next_epoch_start_block(netuid: u16) -> Option<u64> {
			SubtensorModule::get_next_epoch_start_block(netuid)
		}

		fn get_subnet_hyperparams_v3(netuid: u16) -> Option<Vec<compat::Hyperparameter>> {
			SubtensorModule::get_subnet_hyperparams_v3(netuid)
		}
	}

	impl pallet_subtensor_compat::runtime_api::NeuronInfoRuntimeApi<Block, AccountId> for Runtime {
		fn get_neurons_lite(netuid: u16) -> Vec<compat::NeuronInfoLite<AccountId>> {
			SubtensorModule::get_neurons_lite(netuid)
		}

		fn get_neuron_lite(netuid: u16, uid: u16) -> Option<compat::NeuronInfoLite<AccountId>> {
			SubtensorModule::get_neuron_lite(netuid, uid)
		}
	}

	impl pallet_subtensor_compat::runtime_api::StakeInfoRuntimeApi<Block, AccountId> for Runtime {
		fn get_stake_info_for_coldkey(coldkey_account: AccountId) -> Vec<compat::StakeInfo<AccountId>> {
			SubtensorModule::get_stake_info_for_coldkey(coldkey_account)
		}

		fn get_stake_info_for_coldkeys(coldkey_accounts: Vec<AccountId>) -> Vec<(AccountId, Vec<compat::StakeInfo<AccountId>>)> {
			SubtensorModule::get_stake_info_for_coldkeys(coldkey_accounts)
		}

		fn get_stake_info_for_hotkey_coldkey_netuid(
			hotkey_account: AccountId,
			coldkey_account: AccountId,
			netuid: u16,
		) -> Option<compat::StakeInfo<AccountId>> {
			SubtensorModule::get_stake_info_for_hotkey_coldkey_netuid(hotkey_account, coldkey_account, netuid)
		}

		fn get_coldkey_lock(_coldkey: AccountId, _netuid: u16) -> Option<pallet_subtensor_compat::LockState> {
			None
		}
	}

	impl pallet_subtensor_compat::runtime_api::SubnetRegistrationRuntimeApi<Block> for Runtime {
		fn get_network_registration_cost() -> u64 {
			pallet_dtao::Pallet::<Runtime>::network_registration_cost()
		}
	}

	impl pallet_subtensor_compat::runtime_api::SwapRuntimeApi<Block> for Runtime {
		fn current_alpha_price(netuid: u16) -> u64 {
			SubtensorModule::current_alpha_price(netuid)
		}

		fn current_alpha_price_all() -> Vec<compat::SubnetPrice> {
			SubtensorModule::current_alpha_price_all()
		}

		fn sim_swap_tao_for_alpha(netuid: u16, tao: u64) -> compat::SimSwapResult {
			SubtensorModule::sim_swap_tao_for_alpha(netuid, tao)
		}

		fn sim_swap_alpha_for_tao(netuid: u16, alpha: u64) -> compat::SimSwapResult {
			SubtensorModule::sim_swap_alpha_for_tao(netuid, alpha)
		}
	}

	/// The pallet's benchmarks, run by `dtao-node benchmark pallet` (scripts/bench.sh) in a runtime
	/// built with the `runtime-benchmarks` feature.
	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_support::traits::StorageInfoTrait;
			let mut list = Vec::<frame_benchmarking::BenchmarkList>::new();
			use crate::{AssetConversion, Dtao};
			list_benchmarks!(list, extra);
			(list, crate::AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_support::traits::WhitelistedStorageKeys;
			let whitelist: Vec<sp_storage::TrackedStorageKey> = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<frame_benchmarking::BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			use crate::{AssetConversion, Dtao};
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}
}
