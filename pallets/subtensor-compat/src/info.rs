//! What the compatibility runtime APIs return: the reference chain's struct and field names (the
//! client reads fields by name), filled from `Dtao`'s views. Amounts are in rao (alpha-rao on a
//! subnet); prices in rao per alpha; `moving_price` is the fixed-point value the client reads as
//! `{bits}` with 32 fractional bits. Fields of features this chain does not have are zero, empty
//! or `None` (docs/btcli.md).

use crate::pallet::{zero_account, ChainIdentityV2, Config, SubnetIdentitiesV3, SubnetIdentityV3};
use alloc::{vec, vec::Vec};
use codec::{Compact, Decode, Encode};
use dtao_math::substrate_fixed::types::{I96F32, U64F64};
use pallet_dtao::{api::SubnetInfo, Pallet as Dtao, ROOT_NETUID};
use scale_info::TypeInfo;

/// A subnet's pool and emission (`SubnetInfoRuntimeApi.get_dynamic_info`).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct DynamicInfo<AccountId> {
	pub netuid: Compact<u16>,
	/// Owner hotkey and coldkey (the zero account for root).
	pub owner_hotkey: AccountId,
	pub owner_coldkey: AccountId,
	/// The name given by `register_network_with_identity` ("root" for root, else empty).
	pub subnet_name: Vec<Compact<u8>>,
	/// One character: `Τ` for root, a Greek letter for a subnet.
	pub token_symbol: Vec<Compact<u8>>,
	pub tempo: Compact<u16>,
	/// Block of the last epoch (0 before the first).
	pub last_step: Compact<u64>,
	pub blocks_since_last_step: Compact<u64>,
	/// TAO injected into the pool in the last block (`τ`), as `tao_in_emission`.
	pub emission: Compact<u64>,
	/// `A_n`, `O_n`, `T_n`. Root: 0 (no pool), the root stake, the root stake.
	pub alpha_in: Compact<u64>,
	pub alpha_out: Compact<u64>,
	pub tao_in: Compact<u64>,
	/// The last block's `α_out`, `α_in` and `τ`.
	pub alpha_out_emission: Compact<u64>,
	pub alpha_in_emission: Compact<u64>,
	pub tao_in_emission: Compact<u64>,
	/// Owner, miner and validator alpha pending for the next epoch.
	pub pending_alpha_emission: Compact<u64>,
	/// Root TAO pending for the next epoch.
	pub pending_root_emission: Compact<u64>,
	/// TAO traded through the pool since registration.
	pub subnet_volume: Compact<u128>,
	pub network_registered_at: Compact<u64>,
	pub subnet_identity: Option<SubnetIdentityV3>,
	/// `m_n` (root: 1).
	pub moving_price: I96F32,
}

/// One stake position (`StakeInfoRuntimeApi`).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct StakeInfo<AccountId> {
	pub hotkey: AccountId,
	pub coldkey: AccountId,
	pub netuid: Compact<u16>,
	/// The position's alpha (TAO on root), as `DtaoApi.stake_info`'s `alpha`.
	pub stake: Compact<u64>,
	/// Always 0: no locks.
	pub locked: Compact<u64>,
	/// Always 0: this chain does not record a position's last emission.
	pub emission: Compact<u64>,
	pub tao_emission: Compact<u64>,
	pub drain: Compact<u64>,
	/// Whether the hotkey is a neuron of the subnet.
	pub is_registered: bool,
}

/// A neuron's serving endpoint as `serve_axon` stored it (all zero where none was served).
pub use crate::pallet::AxonInfo;

/// A hyperparameter's value, tagged by its type (`get_subnet_hyperparams_v3`: the client shows any
/// parameter it is given, by name).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub enum HyperparamValue {
	Bool(bool),
	U16(u16),
	U64(u64),
}

/// One of a subnet's hyperparameters, by name.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct Hyperparameter {
	pub name: alloc::string::String,
	pub value: HyperparamValue,
}

/// A neuron's Prometheus endpoint (always zero: this chain has no `serve_prometheus`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct PrometheusInfo {
	pub block: u64,
	pub version: u32,
	pub ip: u128,
	pub port: u16,
	pub ip_type: u8,
}

/// One neuron without its weights and bonds (`NeuronInfoRuntimeApi.get_neurons_lite`), from the
/// same figures as the metagraph (`DtaoApi.metagraph`).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct NeuronInfoLite<AccountId> {
	pub hotkey: AccountId,
	/// The hotkey's owner.
	pub coldkey: AccountId,
	pub uid: Compact<u16>,
	pub netuid: Compact<u16>,
	/// Active at the last epoch.
	pub active: bool,
	/// As `serve_axon` set it (zero if never).
	pub axon_info: AxonInfo,
	pub prometheus_info: PrometheusInfo,
	/// Each coldkey staking on the hotkey on this subnet, with what its stake is worth in alpha.
	pub stake: Vec<(AccountId, Compact<u64>)>,
	/// Always 0 (no rank on this chain).
	pub rank: Compact<u16>,
	/// The alpha paid to the hotkey at the last epoch (as the metagraph's `emission`).
	pub emission: Compact<u64>,
	pub incentive: Compact<u16>,
	pub consensus: Compact<u16>,
	/// The validator trust (as the metagraph's `trust`).
	pub trust: Compact<u16>,
	pub validator_trust: Compact<u16>,
	pub dividends: Compact<u16>,
	/// Block of its last weights, or of its registration.
	pub last_update: Compact<u64>,
	pub validator_permit: bool,
	/// Always 0 (neurons are not pruned on this chain).
	pub pruning_score: Compact<u16>,
}

/// A subnet's metagraph (`get_metagraph`, `get_mechagraph`): the subnet's numbers, its
/// hyperparameters and one entry per uid in each per-neuron vector.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct Metagraph<AccountId> {
	pub netuid: Compact<u16>,
	pub name: Vec<Compact<u8>>,
	pub symbol: Vec<Compact<u8>>,
	pub identity: Option<SubnetIdentityV3>,
	pub network_registered_at: Compact<u64>,
	pub owner_hotkey: AccountId,
	pub owner_coldkey: AccountId,
	pub block: Compact<u64>,
	pub tempo: Compact<u16>,
	pub last_step: Compact<u64>,
	pub blocks_since_last_step: Compact<u64>,
	pub subnet_emission: Compact<u64>,
	pub alpha_in: Compact<u64>,
	pub alpha_out: Compact<u64>,
	pub tao_in: Compact<u64>,
	pub alpha_out_emission: Compact<u64>,
	pub alpha_in_emission: Compact<u64>,
	pub tao_in_emission: Compact<u64>,
	pub pending_alpha_emission: Compact<u64>,
	pub pending_root_emission: Compact<u64>,
	pub subnet_volume: Compact<u128>,
	pub moving_price: I96F32,
	pub rho: Compact<u16>,
	/// `κ` over 65535.
	pub kappa: Compact<u16>,
	pub min_allowed_weights: Compact<u16>,
	pub max_weights_limit: Compact<u16>,
	pub weights_version: Compact<u64>,
	pub weights_rate_limit: Compact<u64>,
	/// In blocks: `max(1, factor · tempo / 1000)`.
	pub activity_cutoff: Compact<u64>,
	pub max_validators: Compact<u16>,
	pub num_uids: Compact<u16>,
	pub max_uids: Compact<u16>,
	/// The neuron registration burn (also `min_burn` and `max_burn`: it is fixed until set).
	pub burn: Compact<u64>,
	pub difficulty: Compact<u64>,
	pub registration_allowed: bool,
	pub pow_registration_allowed: bool,
	pub immunity_period: Compact<u16>,
	pub min_difficulty: Compact<u64>,
	pub max_difficulty: Compact<u64>,
	pub min_burn: Compact<u64>,
	pub max_burn: Compact<u64>,
	pub adjustment_alpha: Compact<u64>,
	pub adjustment_interval: Compact<u16>,
	pub target_regs_per_interval: Compact<u16>,
	pub max_regs_per_block: Compact<u16>,
	pub serving_rate_limit: Compact<u64>,
	pub commit_reveal_weights_enabled: bool,
	pub commit_reveal_period: Compact<u64>,
	pub liquid_alpha_enabled: bool,
	pub alpha_high: Compact<u16>,
	pub alpha_low: Compact<u16>,
	/// `BondsMovingAverage` (per million) scaled to a fraction of `u64::MAX`.
	pub bonds_moving_avg: Compact<u64>,
	pub hotkeys: Vec<AccountId>,
	pub coldkeys: Vec<AccountId>,
	pub identities: Vec<Option<ChainIdentityV2>>,
	pub axons: Vec<AxonInfo>,
	pub active: Vec<bool>,
	pub validator_permit: Vec<bool>,
	pub pruning_score: Vec<Compact<u16>>,
	pub last_update: Vec<Compact<u64>>,
	/// Alpha paid to each uid's hotkey at the last epoch (incentive and dividends).
	pub emission: Vec<Compact<u64>>,
	pub dividends: Vec<Compact<u16>>,
	pub incentives: Vec<Compact<u16>>,
	pub consensus: Vec<Compact<u16>>,
	/// Validator trust at the last epoch.
	pub trust: Vec<Compact<u16>>,
	pub rank: Vec<Compact<u16>>,
	pub block_at_registration: Vec<Compact<u64>>,
	/// `H(h,n)`.
	pub alpha_stake: Vec<Compact<u64>>,
	/// `H(h,0)`.
	pub tao_stake: Vec<Compact<u64>>,
	/// `H(h,n) + TaoWeight · H(h,0)`, rounded down.
	pub total_stake: Vec<Compact<u64>>,
	/// Root TAO paid to each hotkey at the last epoch.
	pub tao_dividends_per_hotkey: Vec<(AccountId, Compact<u64>)>,
	/// Alpha paid to each hotkey at the last epoch.
	pub alpha_dividends_per_hotkey: Vec<(AccountId, Compact<u64>)>,
}

/// A subnet's neurons (`get_subnet_state`); for root, the hotkeys holding root stake.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetState<AccountId> {
	pub netuid: Compact<u16>,
	pub hotkeys: Vec<AccountId>,
	pub coldkeys: Vec<AccountId>,
	pub active: Vec<bool>,
	pub validator_permit: Vec<bool>,
	pub pruning_score: Vec<Compact<u16>>,
	pub last_update: Vec<Compact<u64>>,
	pub emission: Vec<Compact<u64>>,
	pub dividends: Vec<Compact<u16>>,
	pub incentives: Vec<Compact<u16>>,
	pub consensus: Vec<Compact<u16>>,
	pub trust: Vec<Compact<u16>>,
	pub rank: Vec<Compact<u16>>,
	pub block_at_registration: Vec<Compact<u64>>,
	pub alpha_stake: Vec<Compact<u64>>,
	pub tao_stake: Vec<Compact<u64>>,
	pub total_stake: Vec<Compact<u64>>,
	/// One row per subnet of `get_all_dynamic_info` (same order), one entry per hotkey: the alpha
	/// paid to that hotkey on that subnet at its last epoch.
	pub emission_history: Vec<Vec<Compact<u64>>>,
}

/// What a swap would do now (`SwapRuntimeApi.sim_swap_*`): what goes in and comes out, and the
/// fee in the input token. All zero where the pool cannot fill it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SimSwapResult {
	pub tao_amount: u64,
	pub alpha_amount: u64,
	pub tao_fee: u64,
	pub alpha_fee: u64,
}

/// A coldkey with its stake positions (`get_stake_info_for_coldkeys`).
pub type StakesOf<AccountId> = (AccountId, Vec<StakeInfo<AccountId>>);

/// A subnet's spot price, rao per alpha (`current_alpha_price_all`).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetPrice {
	pub netuid: u16,
	pub price: u64,
}

fn text(s: &[u8]) -> Vec<Compact<u8>> {
	s.iter().copied().map(Compact).collect()
}

/// The subnet's token symbol: `Τ` for root, then α, β, γ, … by netuid, cycling through the 25
/// lowercase Greek letters.
pub fn token_symbol(netuid: u16) -> Vec<Compact<u8>> {
	text(&token_symbol_bytes(netuid))
}

/// [`token_symbol`] as UTF-8 bytes (what `SubtensorModule.TokenSymbol` stores).
pub fn token_symbol_bytes(netuid: u16) -> Vec<u8> {
	let c = if netuid == ROOT_NETUID {
		'\u{03A4}'
	} else {
		let offset = u32::from(netuid.saturating_sub(1) % 25);
		char::from_u32(0x03B1_u32.saturating_add(offset)).unwrap_or('\u{03B1}')
	};
	let mut buf = [0u8; 4];
	c.encode_utf8(&mut buf).as_bytes().to_vec()
}

/// `m` (U64F64) as the I96F32 the client reads.
fn fixed_price(m: U64F64) -> I96F32 {
	I96F32::from_bits(i128::try_from(m.to_bits() >> 32).unwrap_or(i128::MAX))
}

/// `H + tw · R`, rounded down.
/// `BondsMovingAverage` (millionths) as the client reads it: a fraction of `u64::MAX`.
fn bonds_moving_avg(millionths: u64) -> u64 {
	millionths.min(1_000_000).saturating_mul(u64::MAX / 1_000_000)
}

fn total_stake(alpha: u64, root: u64, tao_weight: polkadot_sdk::sp_runtime::Perbill) -> u64 {
	alpha.saturating_add(tao_weight.mul_floor(root))
}

impl<T: Config> crate::Pallet<T> {
	fn last_step(netuid: u16) -> (u64, u64) {
		let last = pallet_dtao::LastEpochBlock::<T>::get(netuid);
		(last, Dtao::<T>::now().saturating_sub(last))
	}

	fn dynamic_from(info: SubnetInfo<T::AccountId>) -> DynamicInfo<T::AccountId> {
		let netuid = info.netuid;
		let identity = SubnetIdentitiesV3::<T>::get(netuid);
		let name: Vec<u8> = if netuid == ROOT_NETUID {
			b"root".to_vec()
		} else {
			identity.as_ref().map(|i| i.subnet_name.to_vec()).unwrap_or_default()
		};
		let moving = if netuid == ROOT_NETUID {
			U64F64::from_num(1)
		} else {
			pallet_dtao::Pools::<T>::get(netuid).map(|p| p.moving_price).unwrap_or(U64F64::from_num(0))
		};
		let (last_step, since) = Self::last_step(netuid);
		DynamicInfo {
			netuid: Compact(netuid),
			owner_hotkey: info.owner_hotkey.unwrap_or_else(zero_account::<T>),
			owner_coldkey: info.owner.unwrap_or_else(zero_account::<T>),
			subnet_name: text(&name),
			token_symbol: token_symbol(netuid),
			tempo: Compact(info.tempo),
			last_step: Compact(last_step),
			blocks_since_last_step: Compact(since),
			emission: Compact(info.tao_in_emission),
			// Root has no pool: no alpha reserve (its supply is the root stake, `alpha_out`).
			alpha_in: Compact(if netuid == ROOT_NETUID { 0 } else { info.alpha_reserve }),
			alpha_out: Compact(info.alpha_outstanding),
			tao_in: Compact(info.tao_reserve),
			alpha_out_emission: Compact(info.alpha_out_emission),
			alpha_in_emission: Compact(info.alpha_in_emission),
			tao_in_emission: Compact(info.tao_in_emission),
			pending_alpha_emission: Compact(
				info.pending_owner_alpha
					.saturating_add(info.pending_miner_alpha)
					.saturating_add(info.pending_validator_alpha),
			),
			pending_root_emission: Compact(info.pending_root_tao),
			subnet_volume: Compact(info.volume),
			network_registered_at: Compact(info.registered_at),
			subnet_identity: identity,
			moving_price: fixed_price(moving),
		}
	}

	/// One subnet (0 is root); `None` if it does not exist.
	pub fn get_dynamic_info(netuid: u16) -> Option<DynamicInfo<T::AccountId>> {
		Dtao::<T>::api_subnet_info(netuid).map(Self::dynamic_from)
	}

	/// Root and every subnet, in netuid order (every entry `Some`).
	pub fn get_all_dynamic_info() -> Vec<Option<DynamicInfo<T::AccountId>>> {
		Dtao::<T>::api_all_subnets().into_iter().map(|i| Some(Self::dynamic_from(i))).collect()
	}

	/// The neurons of a subnet in uid order, without weights and bonds; empty for root and unknown
	/// subnets.
	pub fn get_neurons_lite(netuid: u16) -> Vec<NeuronInfoLite<T::AccountId>> {
		let Some(g) = Dtao::<T>::api_metagraph(netuid) else { return Vec::new() };
		g.neurons.into_iter().map(|x| Self::neuron_lite(netuid, x)).collect()
	}

	/// One neuron of [`Self::get_neurons_lite`]; `None` if the uid does not exist.
	pub fn get_neuron_lite(netuid: u16, uid: u16) -> Option<NeuronInfoLite<T::AccountId>> {
		let g = Dtao::<T>::api_metagraph(netuid)?;
		g.neurons.into_iter().find(|x| x.uid == uid).map(|x| Self::neuron_lite(netuid, x))
	}

	/// A metagraph's neuron as `NeuronInfoLite`, with its stakers' values.
	fn neuron_lite(netuid: u16, x: pallet_dtao::api::MetagraphNeuron<T::AccountId>) -> NeuronInfoLite<T::AccountId> {
		let stake = pallet_dtao::StakeShares::<T>::iter_key_prefix((netuid, x.hotkey.clone()))
			.map(|coldkey| {
				let value = <<T as crate::Config>::Dtao as pallet_dtao::DtaoInterface<T::AccountId>>::stake_value(&x.hotkey, &coldkey, netuid);
				(coldkey, Compact(value))
			})
			.collect();
		NeuronInfoLite {
			axon_info: crate::pallet::Axons::<T>::get(netuid, &x.hotkey).unwrap_or_default(),
			hotkey: x.hotkey,
			coldkey: x.coldkey,
			uid: Compact(x.uid),
			netuid: Compact(netuid),
			active: x.active,
			prometheus_info: PrometheusInfo::default(),
			stake,
			rank: Compact(0),
			emission: Compact(x.alpha_paid),
			incentive: Compact(x.incentive),
			consensus: Compact(x.consensus),
			trust: Compact(x.validator_trust),
			validator_trust: Compact(x.validator_trust),
			dividends: Compact(x.dividends),
			last_update: Compact(x.last_update),
			validator_permit: x.validator_permit,
			pruning_score: Compact(0),
		}
	}

	/// A subnet's parameters, by the reference chain's names where it has the same one: `Dtao`'s
	/// per-subnet parameters (`tempo`, `kappa`, `bonds_moving_avg` scaled to `u64::MAX` as the
	/// metagraph's, `bonds_penalty`, `activity_cutoff_factor` in per-mille of the tempo and the
	/// `activity_cutoff` in blocks it gives, `max_validators`, `max_uids`, the registration `burn`)
	/// and the fixed weight rules (commit-reveal off, no rate limit, at least one weight, no weight
	/// limit, registration allowed). `None` for root and unknown subnets.
	pub fn get_subnet_hyperparams_v3(netuid: u16) -> Option<Vec<Hyperparameter>> {
		use HyperparamValue::*;
		if netuid == ROOT_NETUID || !pallet_dtao::Pools::<T>::contains_key(netuid) {
			return None;
		}
		let tempo = pallet_dtao::Tempo::<T>::get(netuid);
		let factor = pallet_dtao::ActivityCutoffFactorMilli::<T>::get(netuid);
		let bma = bonds_moving_avg(pallet_dtao::BondsMovingAverage::<T>::get(netuid));
		let entry = |name: &str, value: HyperparamValue| Hyperparameter { name: name.into(), value };
		Some(vec![
			entry("tempo", U16(tempo)),
			entry("kappa", U16(pallet_dtao::Kappa::<T>::get(netuid))),
			entry("bonds_moving_avg", U64(bma)),
			entry("bonds_penalty", U16(pallet_dtao::BondsPenalty::<T>::get(netuid))),
			entry("activity_cutoff_factor", U64(u64::from(factor))),
			entry("activity_cutoff", U64(dtao_math::yuma::activity_cutoff(factor, tempo))),
			entry("max_validators", U16(pallet_dtao::MaxValidators::<T>::get(netuid))),
			entry("max_uids", U16(pallet_dtao::MaxNeurons::<T>::get(netuid))),
			entry("burn", U64(pallet_dtao::Burn::<T>::get(netuid))),
			entry("registration_allowed", Bool(true)),
			entry("commit_reveal_weights_enabled", Bool(crate::pallet::CommitRevealWeightsEnabled::<T>::get(netuid))),
			entry("weights_rate_limit", U64(crate::pallet::WeightsSetRateLimit::<T>::get(netuid))),
			entry("min_allowed_weights", U16(crate::pallet::MinAllowedWeights::<T>::get(netuid))),
			entry("max_weights_limit", U16(crate::pallet::MaxWeightsLimit::<T>::get(netuid))),
		])
	}

	/// The first block after the current one at which the subnet's epoch runs; `None` for root,
	/// unknown subnets and a tempo of 0. (An epoch deferred by the block hook's budget runs in a
	/// later block.)
	pub fn get_next_epoch_start_block(netuid: u16) -> Option<u64> {
		if netuid == ROOT_NETUID || !pallet_dtao::Pools::<T>::contains_key(netuid) {
			return None;
		}
		dtao_math::yuma::next_epoch_block(netuid, pallet_dtao::Tempo::<T>::get(netuid), Dtao::<T>::now())
	}

	/// The metagraph of a subnet; `None` for root, unknown subnets and any mechanism but 0.
	pub fn get_mechagraph(netuid: u16, mecid: u8) -> Option<Metagraph<T::AccountId>> {
		if mecid != 0 {
			return None;
		}
		let g = Dtao::<T>::api_metagraph(netuid)?;
		let d = Self::get_dynamic_info(netuid)?;
		let n = g.neurons.len();
		let burn = pallet_dtao::Burn::<T>::get(netuid);
		let bma = bonds_moving_avg(g.bonds_moving_average);
		let c = |v: u64| Compact(v);
		Some(Metagraph {
			netuid: d.netuid,
			name: d.subnet_name,
			symbol: d.token_symbol,
			identity: d.subnet_identity,
			network_registered_at: d.network_registered_at,
			owner_hotkey: d.owner_hotkey,
			owner_coldkey: d.owner_coldkey,
			block: c(g.block),
			tempo: d.tempo,
			last_step: d.last_step,
			blocks_since_last_step: d.blocks_since_last_step,
			subnet_emission: d.emission,
			alpha_in: d.alpha_in,
			alpha_out: d.alpha_out,
			tao_in: d.tao_in,
			alpha_out_emission: d.alpha_out_emission,
			alpha_in_emission: d.alpha_in_emission,
			tao_in_emission: d.tao_in_emission,
			pending_alpha_emission: d.pending_alpha_emission,
			pending_root_emission: d.pending_root_emission,
			subnet_volume: d.subnet_volume,
			moving_price: d.moving_price,
			rho: Compact(0),
			kappa: Compact(g.kappa),
			min_allowed_weights: Compact(crate::pallet::MinAllowedWeights::<T>::get(netuid)),
			max_weights_limit: Compact(crate::pallet::MaxWeightsLimit::<T>::get(netuid)),
			weights_version: c(0),
			weights_rate_limit: c(crate::pallet::WeightsSetRateLimit::<T>::get(netuid)),
			activity_cutoff: c(g.activity_cutoff),
			max_validators: Compact(g.max_validators),
			num_uids: Compact(u16::try_from(n).unwrap_or(u16::MAX)),
			max_uids: Compact(pallet_dtao::MaxNeurons::<T>::get(netuid)),
			burn: c(burn),
			difficulty: c(0),
			registration_allowed: true,
			pow_registration_allowed: false,
			immunity_period: Compact(0),
			min_difficulty: c(0),
			max_difficulty: c(0),
			min_burn: c(burn),
			max_burn: c(burn),
			adjustment_alpha: c(0),
			adjustment_interval: Compact(0),
			target_regs_per_interval: Compact(crate::pallet::TargetRegistrationsPerInterval::<T>::get(netuid)),
			max_regs_per_block: Compact(0),
			serving_rate_limit: c(0),
			commit_reveal_weights_enabled: crate::pallet::CommitRevealWeightsEnabled::<T>::get(netuid),
			commit_reveal_period: c(0),
			liquid_alpha_enabled: false,
			alpha_high: Compact(0),
			alpha_low: Compact(0),
			bonds_moving_avg: c(bma),
			hotkeys: g.neurons.iter().map(|x| x.hotkey.clone()).collect(),
			coldkeys: g.neurons.iter().map(|x| x.coldkey.clone()).collect(),
			identities: vec![None; n],
			axons: g.neurons.iter().map(|x| crate::pallet::Axons::<T>::get(netuid, &x.hotkey).unwrap_or_default()).collect(),
			active: g.neurons.iter().map(|x| x.active).collect(),
			validator_permit: g.neurons.iter().map(|x| x.validator_permit).collect(),
			pruning_score: vec![Compact(0); n],
			last_update: g.neurons.iter().map(|x| c(x.last_update)).collect(),
			emission: g.neurons.iter().map(|x| c(x.alpha_paid)).collect(),
			dividends: g.neurons.iter().map(|x| Compact(x.dividends)).collect(),
			incentives: g.neurons.iter().map(|x| Compact(x.incentive)).collect(),
			consensus: g.neurons.iter().map(|x| Compact(x.consensus)).collect(),
			trust: g.neurons.iter().map(|x| Compact(x.validator_trust)).collect(),
			rank: vec![Compact(0); n],
			block_at_registration: g.neurons.iter().map(|x| c(x.registered_at)).collect(),
			alpha_stake: g.neurons.iter().map(|x| c(x.alpha_stake)).collect(),
			tao_stake: g.neurons.iter().map(|x| c(x.root_stake)).collect(),
			total_stake: g.neurons.iter().map(|x| c(total_stake(x.alpha_stake, x.root_stake, g.tao_weight))).collect(),
			tao_dividends_per_hotkey: g.neurons.iter().map(|x| (x.hotkey.clone(), c(x.root_tao_paid))).collect(),
			alpha_dividends_per_hotkey: g.neurons.iter().map(|x| (x.hotkey.clone(), c(x.alpha_paid))).collect(),
		})
	}

	/// The neurons of a subnet, or for root (0) the hotkeys holding root stake (by stake, largest
	/// first); `None` for an unknown subnet.
	pub fn get_subnet_state(netuid: u16) -> Option<SubnetState<T::AccountId>> {
		let subnets = Dtao::<T>::api_all_subnets();
		let history = |hotkeys: &[T::AccountId]| -> Vec<Vec<Compact<u64>>> {
			subnets
				.iter()
				.map(|s| {
					let paid = pallet_dtao::LastEpochAlpha::<T>::get(s.netuid);
					hotkeys
						.iter()
						.map(|h| {
							let v = pallet_dtao::Uids::<T>::get(s.netuid, h)
								.and_then(|uid| paid.get(usize::from(uid)).copied())
								.unwrap_or(0);
							Compact(v)
						})
						.collect()
				})
				.collect()
		};
		if netuid == ROOT_NETUID {
			let mut stakers: Vec<(T::AccountId, u64)> = pallet_dtao::HotkeyStake::<T>::iter_prefix(ROOT_NETUID)
				.map(|(h, p)| (h, p.alpha))
				.filter(|(_, a)| *a > 0)
				.collect();
			stakers.sort_by_key(|s| core::cmp::Reverse(s.1));
			let n = stakers.len();
			let hotkeys: Vec<T::AccountId> = stakers.iter().map(|(h, _)| h.clone()).collect();
			let emission_history = history(&hotkeys);
			return Some(SubnetState {
				netuid: Compact(ROOT_NETUID),
				coldkeys: hotkeys
					.iter()
					.map(|h| pallet_dtao::HotkeyOwner::<T>::get(h).unwrap_or_else(zero_account::<T>))
					.collect(),
				hotkeys,
				active: vec![true; n],
				validator_permit: vec![false; n],
				pruning_score: vec![Compact(0); n],
				last_update: vec![Compact(0); n],
				emission: vec![Compact(0); n],
				dividends: vec![Compact(0); n],
				incentives: vec![Compact(0); n],
				consensus: vec![Compact(0); n],
				trust: vec![Compact(0); n],
				rank: vec![Compact(0); n],
				block_at_registration: vec![Compact(0); n],
				alpha_stake: vec![Compact(0); n],
				tao_stake: stakers.iter().map(|(_, a)| Compact(*a)).collect(),
				total_stake: stakers.iter().map(|(_, a)| Compact(*a)).collect(),
				emission_history,
			});
		}
		let g = Self::get_mechagraph(netuid, 0)?;
		let emission_history = history(&g.hotkeys);
		Some(SubnetState {
			netuid: g.netuid,
			hotkeys: g.hotkeys,
			coldkeys: g.coldkeys,
			active: g.active,
			validator_permit: g.validator_permit,
			pruning_score: g.pruning_score,
			last_update: g.last_update,
			emission: g.emission,
			dividends: g.dividends,
			incentives: g.incentives,
			consensus: g.consensus,
			trust: g.trust,
			rank: g.rank,
			block_at_registration: g.block_at_registration,
			alpha_stake: g.alpha_stake,
			tao_stake: g.tao_stake,
			total_stake: g.total_stake,
			emission_history,
		})
	}

	fn stake_info(coldkey: &T::AccountId, hotkey: T::AccountId, netuid: u16, stake: u64) -> StakeInfo<T::AccountId> {
		StakeInfo {
			is_registered: pallet_dtao::Uids::<T>::contains_key(netuid, &hotkey),
			hotkey,
			coldkey: coldkey.clone(),
			netuid: Compact(netuid),
			stake: Compact(stake),
			locked: Compact(0),
			emission: Compact(0),
			tao_emission: Compact(0),
			drain: Compact(0),
		}
	}

	/// Every stake position of `coldkey`, as `DtaoApi.stake_info` lists them.
	pub fn get_stake_info_for_coldkey(coldkey: T::AccountId) -> Vec<StakeInfo<T::AccountId>> {
		Dtao::<T>::api_stake_info(coldkey.clone())
			.into_iter()
			.map(|s| Self::stake_info(&coldkey, s.hotkey, s.netuid, s.alpha))
			.collect()
	}

	/// `get_stake_info_for_coldkey` for each coldkey.
	pub fn get_stake_info_for_coldkeys(coldkeys: Vec<T::AccountId>) -> Vec<StakesOf<T::AccountId>> {
		coldkeys.into_iter().map(|c| (c.clone(), Self::get_stake_info_for_coldkey(c))).collect()
	}

	/// One position, `Some` with a stake of 0 where there is none (the client expects a value).
	pub fn get_stake_info_for_hotkey_coldkey_netuid(
		hotkey: T::AccountId,
		coldkey: T::AccountId,
		netuid: u16,
	) -> Option<StakeInfo<T::AccountId>> {
		let stake = Dtao::<T>::stake_value(&hotkey, &coldkey, netuid);
		Some(Self::stake_info(&coldkey, hotkey, netuid, stake))
	}

	/// The spot price of a subnet, rao per alpha (root: 10^9; unknown: 0).
	pub fn current_alpha_price(netuid: u16) -> u64 {
		Dtao::<T>::api_subnet_info(netuid).map(|i| i.spot_price).unwrap_or(0)
	}

	/// The spot price of root and every subnet.
	pub fn current_alpha_price_all() -> Vec<SubnetPrice> {
		Dtao::<T>::api_all_subnets().into_iter().map(|i| SubnetPrice { netuid: i.netuid, price: i.spot_price }).collect()
	}

	/// What staking `tao` TAO into `netuid` would buy now: the pool's own quote (root: 1:1).
	pub fn sim_swap_tao_for_alpha(netuid: u16, tao: u64) -> SimSwapResult {
		if netuid == ROOT_NETUID {
			return SimSwapResult { tao_amount: tao, alpha_amount: tao, tao_fee: 0, alpha_fee: 0 };
		}
		match Dtao::<T>::quote_buy(netuid, tao) {
			Ok(o) => SimSwapResult { tao_amount: o.amount_in, alpha_amount: o.amount_out, tao_fee: o.fee, alpha_fee: 0 },
			Err(_) => SimSwapResult::default(),
		}
	}

	/// What selling `alpha` of `netuid` would pay now: the pool's own quote (root: 1:1).
	pub fn sim_swap_alpha_for_tao(netuid: u16, alpha: u64) -> SimSwapResult {
		if netuid == ROOT_NETUID {
			return SimSwapResult { tao_amount: alpha, alpha_amount: alpha, tao_fee: 0, alpha_fee: 0 };
		}
		match Dtao::<T>::quote_sell(netuid, alpha) {
			Ok(o) => SimSwapResult { tao_amount: o.amount_out, alpha_amount: o.amount_in, tao_fee: 0, alpha_fee: o.fee },
			Err(_) => SimSwapResult::default(),
		}
	}
}
