//! The dTAO development runtime: `System`, `Timestamp`, `Aura`, `Grandpa`, `Balances` (u64),
//! `TransactionPayment`, `Sudo`, `Dtao`, `Utility`, `SubtensorModule` and `AdminUtils` (the calls,
//! storage and runtime APIs btcli reads, over `Dtao`), with the standard runtime APIs and `DtaoApi`.
#![cfg_attr(not(feature = "std"), no_std)]
// No panics in runtime code: arithmetic side effects, `unwrap` and indexing are errors outside
// tests (every build runs clippy on the workspace's crates: .cargo/config.toml); tests may panic.
#![cfg_attr(
	not(any(test, feature = "runtime-benchmarks", feature = "try-runtime")),
	deny(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing)
)]
#![cfg_attr(test, allow(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing))]
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

/// The pallets whose benchmarks the runtime runs (`benchmark pallet --pallet pallet_dtao`); the
/// macros it defines are used by `apis`, so it comes first.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benches {
	polkadot_sdk::frame_benchmarking::define_benchmarks!(
		[pallet_dtao, Dtao]
		[pallet_asset_conversion, AssetConversion]
	);
}

#[cfg(feature = "runtime-benchmarks")]
pub mod reference_swap;
#[cfg(feature = "runtime-benchmarks")]
use polkadot_sdk::{pallet_asset_conversion, pallet_assets};

pub mod apis;
pub mod presets;

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		self, construct_runtime, derive_impl,
		dispatch::DispatchClass,
		parameter_types,
		traits::{ConstBool, ConstU32, ConstU64, ConstU8},
		weights::{
			constants::{RocksDbWeight, WEIGHT_REF_TIME_PER_SECOND},
			ConstantMultiplier, Weight,
		},
		PalletId,
	},
	frame_system::{
		self,
		limits::{BlockLength, BlockWeights},
	},
	pallet_aura, pallet_balances, pallet_grandpa, pallet_sudo, pallet_timestamp, pallet_transaction_payment,
	pallet_utility,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_runtime::{
		generic, impl_opaque_keys,
		traits::{BlakeTwo256, IdentifyAccount, Verify},
		MultiAddress, MultiSignature, Perbill,
	},
	sp_version::{self, RuntimeVersion},
};

/// Balance of an account, in rao (1 TAO = 10^9 rao).
pub type Balance = u64;
/// Block number.
pub type BlockNumber = u32;
/// Signature of a transaction (sr25519 dev keys sign with it).
pub type Signature = MultiSignature;
/// A 32-byte account id.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Transaction index of an account.
pub type Nonce = u32;
/// Block hash.
pub type Hash = polkadot_sdk::sp_core::H256;
/// Address format of extrinsics.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// The transaction extensions, checked in this order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
);
/// An extrinsic as the runtime sees it.
pub type UncheckedExtrinsic = generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// Dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// Storage migrations run at a runtime upgrade, each once (by the pallet's storage version): a
/// chain started from genesis already has the current layout and runs none.
pub type Migrations = (
	pallet_dtao::migrations::MigrateToV1<Runtime>,
	pallet_dtao::migrations::MigrateToV2<Runtime>,
	pallet_dtao::migrations::MigrateToV3<Runtime>,
	pallet_dtao::migrations::MigrateToV4<Runtime>,
	pallet_dtao::migrations::MigrateToV5<Runtime>,
	pallet_dtao::migrations::MigrateToV6<Runtime>,
	pallet_dtao::migrations::MigrateToV7<Runtime>,
	pallet_dtao::migrations::MigrateToV8<Runtime>,
	pallet_dtao::migrations::MigrateToV9<Runtime>,
	pallet_dtao::migrations::MigrateToV10<Runtime>,
	pallet_subtensor_compat::migrations::MigrateToV2<Runtime>,
	pallet_subtensor_compat::migrations::MigrateToV3<Runtime>,
	pallet_subtensor_compat::migrations::FillMirrorsIfMissing<Runtime>,
);

use polkadot_sdk::frame_executive;

/// Opaque types the node uses without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	pub use polkadot_sdk::sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;
	/// Opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;

	impl_opaque_keys! {
		/// The session keys of a validator: Aura for authoring, GRANDPA for finality.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}
}
pub use opaque::SessionKeys;

// `VERSION`, the runtime's version. build.rs writes it with the `spec_version` of this source
// (`SPEC_VERSION` there), or `DTAO_SPEC_VERSION` when that is set at build time: scripts/upgrade-wasm.sh
// builds the wasm of a live upgrade with it. (`#[sp_version::runtime_version]` needs a literal.)
include!(concat!(env!("OUT_DIR"), "/version.rs"));

/// Aura slot duration, in milliseconds: the block time of a multi-validator network. The dev node's
/// sealing chooses its own pace and keeps timestamps at least one slot apart.
pub const SLOT_DURATION: u64 = 1_000;

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const Version: RuntimeVersion = VERSION;
	pub const BlockHashCount: BlockNumber = 2400;
	/// One slot of compute per block (1 s): a block never takes longer to execute than the time
	/// between two blocks.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_mul(SLOT_DURATION) / 1_000, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5_242_880)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO.mul_floor(*max))
		.build();
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = RocksDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = polkadot_sdk::sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

/// Existential deposit: 500 rao.
pub const EXISTENTIAL_DEPOSIT: Balance = 500;

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = ConstU32<0>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

/// Weight fee: one rao per nanosecond of reference time, so a simple call costs about 0.0002 TAO.
/// With the length fee of `TransactionByteFee` rao per byte, fees are burned.
pub struct WeightToFee;
impl frame_support::weights::WeightToFee for WeightToFee {
	type Balance = Balance;
	fn weight_to_fee(weight: &Weight) -> Balance {
		weight.ref_time() / 1_000
	}
}

parameter_types! {
	pub const TransactionByteFee: Balance = 10;
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = pallet_transaction_payment::FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = ();
	type WeightInfo = ();
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const DtaoPalletId: PalletId = PalletId(*b"dtao/pot");
	/// Three quarters of a block for the block hook (coinbase, due epochs, a settlement step); due
	/// epochs beyond it wait for the next block.
	pub DtaoMaxHookWeight: Weight = RuntimeBlockWeights::get().max_block.saturating_mul(3).checked_div(4).unwrap_or_default();
}

impl pallet_dtao::Config for Runtime {
	type Currency = Balances;
	type PalletId = DtaoPalletId;
	/// Measured in this runtime (scripts/bench.sh, docs/weights.md).
	type WeightInfo = pallet_dtao::weights::SubstrateWeight<Runtime>;
	/// The largest epoch these limits allow (512 neurons, 130 rows) weighs about 0.25 s
	/// (docs/weights.md), within the block hook's three quarters of a block; a registration that
	/// prunes a full subnet of 512 neurons (0.57 s as charged) fits in a block's normal share
	/// (`integrity_test` checks both).
	type MaxNeuronsLimit = polkadot_sdk::frame_support::traits::ConstU32<512>;
	/// An epoch reads a weight row per permit: 128 rows of up to 512 entries at most. A subnet's
	/// dissolution settles root claims for at most this many hotkeys, the costliest part of pruning
	/// a full subnet (twice the default `MaxValidators`).
	type MaxValidatorsLimit =
		polkadot_sdk::frame_support::traits::ConstU32<{ pallet_dtao::params::bounds::MAX_VALIDATORS_LIMIT as u32 }>;
	/// The block hook visits every subnet; 1,024 of them stay well within a block.
	type MaxSubnets = polkadot_sdk::frame_support::traits::ConstU16<1024>;
	/// 128 holders paid per block: about 0.06 s of the 1 s block by the measured weight, so that a
	/// registration charged for pruning a full subnet (512 neurons, 128 of them validators with
	/// claim pools to settle) and paying 128 holders at once still fits in a normal extrinsic's
	/// limit (75 % of the block less the 10 % kept for its initialization).
	type MaxSettlementsPerBlock = polkadot_sdk::frame_support::traits::ConstU32<128>;
	type MaxHookWeight = DtaoMaxHookWeight;
	/// Twice the default `SubnetLimit` (128): a hotkey's live claim pools and as many settled
	/// ones. A root stake change reads and writes at most about 20 KB of claim pools and 8 KB of
	/// claim accounts.
	type MaxRootClaimPools = polkadot_sdk::frame_support::traits::ConstU32<256>;
	/// `SubtensorModule` mirrors the subnets, hotkey owners and burns btcli reads from storage.
	type Observer = SubtensorModule;
}

/// btcli's surface over `Dtao` (docs/btcli.md).
impl pallet_subtensor_compat::Config for Runtime {
	type Dtao = Dtao;
	/// Every preset of this runtime starts with a `StartCallDelay` of 0.
	type InitialStartCallDelay = ConstU64<0>;
}

/// `btcli sudo set`'s setters over `Dtao.set_subnet_params` (docs/btcli.md).
impl pallet_subtensor_compat::admin_utils::Config for Runtime {}

/// `batch`, `batch_all` and `force_batch` (btcli sends several stake operations as one `batch_all`).
impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

// The runtime. The benchmarking build (feature `runtime-benchmarks`) declares the same pallets
// with the same indices, plus the SDK's exchange measured beside `add_stake`
// (`reference_swap.rs`); keep the two lists alike. (A `#[cfg]` on a pallet inside one declaration
// would still need the pallet's crate in every build.)
#[cfg(not(feature = "runtime-benchmarks"))]
construct_runtime!(
	pub enum Runtime {
		System: frame_system = 0,
		Timestamp: pallet_timestamp = 1,
		Aura: pallet_aura = 2,
		Grandpa: pallet_grandpa = 3,
		Balances: pallet_balances = 4,
		TransactionPayment: pallet_transaction_payment = 5,
		Sudo: pallet_sudo = 6,
		Dtao: pallet_dtao = 7,
		Utility: pallet_utility = 8,
		SubtensorModule: pallet_subtensor_compat = 9,
		AdminUtils: pallet_subtensor_compat::admin_utils = 10,
	}
);

#[cfg(feature = "runtime-benchmarks")]
construct_runtime!(
	pub enum Runtime {
		System: frame_system = 0,
		Timestamp: pallet_timestamp = 1,
		Aura: pallet_aura = 2,
		Grandpa: pallet_grandpa = 3,
		Balances: pallet_balances = 4,
		TransactionPayment: pallet_transaction_payment = 5,
		Sudo: pallet_sudo = 6,
		Dtao: pallet_dtao = 7,
		Utility: pallet_utility = 8,
		SubtensorModule: pallet_subtensor_compat = 9,
		AdminUtils: pallet_subtensor_compat::admin_utils = 10,
		Assets: pallet_assets::<Instance1> = 50,
		PoolAssets: pallet_assets::<Instance2> = 51,
		AssetConversion: pallet_asset_conversion = 52,
	}
);

