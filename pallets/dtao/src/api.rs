//! What the `DtaoApi` runtime API returns (docs/runtime-api.md). The quotes call the same
//! functions the extrinsics execute, so a quote taken in a state equals what the call does in that
//! state, to the rao.

pub use crate::staking::{MoveOutcome, MoveRequest};
use crate::{pallet::*, ROOT_NETUID};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use dtao_math::{SwapOutcome, UNIT};
use polkadot_sdk::sp_runtime::Perbill;
use scale_info::TypeInfo;

/// A subnet as the runtime API shows it. Amounts in rao / alpha-rao; prices in rao per alpha.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetInfo<AccountId> {
	/// The subnet (0: root).
	pub netuid: u16,
	/// Owner coldkey (`None` for root).
	pub owner: Option<AccountId>,
	/// Owner hotkey (`None` for root).
	pub owner_hotkey: Option<AccountId>,
	/// Block of its registration (root: 0).
	pub registered_at: u64,
	/// Block of `start_call`; `None` until then (root: block 0).
	pub started_at: Option<u64>,
	/// Blocks between epochs, less one (0: no epochs).
	pub tempo: u16,
	/// Blocks from now until the block whose `on_initialize` runs the next epoch (1: the next
	/// block); `None` where no epoch will run (root, or a tempo of 0).
	pub blocks_until_epoch: Option<u64>,
	/// `T_n` (root: total TAO staked on root).
	pub tao_reserve: u64,
	/// `A_n` (root: equal to `tao_reserve`).
	pub alpha_reserve: u64,
	/// `O_n`: alpha held by stakers plus pending alpha (root: total root stake).
	pub alpha_outstanding: u64,
	/// `floor(T_n · 10^9 / A_n)` (root: 10^9).
	pub spot_price: u64,
	/// Moving price `m_n`, rounded down (root: 10^9).
	pub moving_price: u64,
	/// TAO injected in the last block (`τ`).
	pub tao_in_emission: u64,
	/// Alpha injected into the pool in the last block (`α_in`).
	pub alpha_in_emission: u64,
	/// Alpha minted outside the pool in the last block (`α_out`).
	pub alpha_out_emission: u64,
	/// Root's alpha sold in the last block (`ra`).
	pub root_alpha_sold: u64,
	/// TAO that sale bought (`rt`).
	pub root_tao_bought: u64,
	/// Owner's alpha pending for the next epoch.
	pub pending_owner_alpha: u64,
	/// Miners' alpha pending for the next epoch.
	pub pending_miner_alpha: u64,
	/// Validators' alpha pending for the next epoch.
	pub pending_validator_alpha: u64,
	/// Root TAO (from the sale of root's alpha) pending for the next epoch.
	pub pending_root_tao: u64,
	/// `ρ_n` used by the last block's coinbase, rounded down to a part per billion.
	pub root_proportion: Perbill,
	/// TAO traded through the pool since registration (both directions, before fees).
	pub volume: u128,
	/// Registered neurons.
	pub neurons: u16,
	/// TAO locked at registration (what dissolution refunds at most).
	pub locked: u64,
	/// Root's alpha taken out of the alpha outstanding instead of sold in the last block (the sell
	/// gate of `RootDividends`).
	pub root_alpha_recycled: u64,
	/// `S_n`: the EMA of the subnet's net user TAO flow, rao per block, rounded down (root: 0).
	pub flow_ema: i64,
	/// Root's alpha kept for root stakers in the last block (`KeepAlpha`).
	pub root_alpha_kept: u64,
	/// Root's kept alpha not yet paid into the validators' claim pools.
	pub pending_root_alpha: u64,
}

/// One neuron of a subnet's metagraph. The Yuma outputs are those stored by the last epoch, as
/// proportions over 65535; stakes are current.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct MetagraphNeuron<AccountId> {
	/// Its uid.
	pub uid: u16,
	/// Its hotkey.
	pub hotkey: AccountId,
	/// The hotkey's owner.
	pub coldkey: AccountId,
	/// `H(h,n)`: alpha staked on the hotkey on this subnet.
	pub alpha_stake: u64,
	/// `H(h,0)`: TAO staked on the hotkey on root.
	pub root_stake: u64,
	/// Normalised stake weight `α + tw·r` at the last epoch.
	pub stake_weight: u16,
	/// Holds the validator permit granted by the last epoch (may set weights).
	pub validator_permit: bool,
	/// Was active (updated within the activity cutoff) at the last epoch.
	pub active: bool,
	/// Block of its last `set_weights`, or of its registration.
	pub last_update: u64,
	/// Block of its registration.
	pub registered_at: u64,
	/// Consensus weight `C` at the last epoch, over 65535.
	pub consensus: u16,
	/// Validator trust `VT` at the last epoch, over 65535.
	pub validator_trust: u16,
	/// Incentive `I` at the last epoch, over 65535.
	pub incentive: u16,
	/// Dividends `D` at the last epoch, over 65535.
	pub dividends: u16,
	/// Its stored weights, `(uid, weight)` as stored (max-upscaled).
	pub weights: Vec<(u16, u16)>,
	/// Its stored bonds, `(uid, bond)` over 65535.
	pub bonds: Vec<(u16, u16)>,
	/// Alpha paid to its hotkey at the last epoch: incentive and alpha dividends, takes included.
	pub alpha_paid: u64,
	/// Root TAO paid to its hotkey at the last epoch, as root stake, take included.
	pub root_tao_paid: u64,
}

/// A subnet's neurons as Yuma Consensus sees them, with its hyperparameters.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct Metagraph<AccountId> {
	/// The subnet.
	pub netuid: u16,
	/// The current block.
	pub block: u64,
	/// Blocks between epochs, less one (0: no epochs).
	pub tempo: u16,
	/// Block of the last epoch; `None` before the first.
	pub last_epoch_block: Option<u64>,
	/// Blocks until the next epoch (1: the next block); `None` for a tempo of 0.
	pub blocks_until_epoch: Option<u64>,
	/// `Kappa`, over 65535.
	pub kappa: u16,
	/// `BondsMovingAverage`, in millionths.
	pub bonds_moving_average: u64,
	/// `BondsPenalty`, over 65535.
	pub bonds_penalty: u16,
	/// `ActivityCutoffFactorMilli`: the activity cutoff in thousandths of the tempo.
	pub activity_cutoff_factor_milli: u32,
	/// The activity cutoff in blocks: `max(1, factor · tempo / 1000)`.
	pub activity_cutoff: u64,
	/// `MaxValidators`: the permits an epoch grants.
	pub max_validators: u16,
	/// `TaoWeight`, the weight of root stake in the stake weight.
	pub tao_weight: Perbill,
	/// Its neurons, by uid.
	pub neurons: Vec<MetagraphNeuron<AccountId>>,
}

/// What a swap would do now.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SwapQuote {
	/// What goes in (TAO for a stake, alpha for an unstake).
	pub amount_in: u64,
	/// What comes out (alpha for a stake, TAO for an unstake).
	pub amount_out: u64,
	/// The fee, in TAO (from the TAO paid for a stake, from the proceeds of an unstake); it stays
	/// in the pool.
	pub fee: u64,
	/// Spot price before, rao per alpha.
	pub price_before: u64,
	/// Spot price after, rao per alpha.
	pub price_after: u64,
}

/// One stake position of a coldkey.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct StakeInfo<AccountId> {
	/// The hotkey the stake is on.
	pub hotkey: AccountId,
	/// The subnet (0: root).
	pub netuid: u16,
	/// Alpha value of the position (on root: TAO).
	pub alpha: u64,
	/// What selling the whole position now would pay, in TAO (0 if the pool cannot buy it).
	pub tao_value: u64,
}

impl<T: Config> Pallet<T> {
	fn quote(netuid: u16, outcome: Result<SwapOutcome, polkadot_sdk::sp_runtime::DispatchError>) -> Option<SwapQuote> {
		let before = Self::market(netuid).ok()?;
		let o = outcome.ok()?;
		Some(SwapQuote {
			amount_in: o.amount_in,
			amount_out: o.amount_out,
			fee: o.fee,
			price_before: before.price(),
			price_after: o.after.price(),
		})
	}

	/// What `add_stake` of `tao` on `netuid` would buy now; `None` where the call would fail
	/// whoever makes it: an unknown or dissolving subnet, an amount below `MinStake`
	/// (`AmountTooLow`), a pool that cannot sell that much.
	pub fn api_quote_add_stake(netuid: u16, tao: u64) -> Option<SwapQuote> {
		if tao < MinStake::<T>::get().max(1) {
			return None;
		}
		Self::quote(netuid, Self::quote_buy(netuid, tao))
	}

	/// What `remove_stake` of `alpha` on `netuid` would pay now; `None` where the call would fail:
	/// an unknown or dissolving subnet, an amount worth less than `MinStake` at the spot price
	/// (allowed by the call only when it is the caller's whole stake, which a quote does not know),
	/// a pool that cannot buy that much back.
	pub fn api_quote_remove_stake(netuid: u16, alpha: u64) -> Option<SwapQuote> {
		if alpha == 0 || Self::tao_value(netuid, alpha) < MinStake::<T>::get() {
			return None;
		}
		Self::quote(netuid, Self::quote_sell(netuid, alpha))
	}

	/// Exactly what `remove_stake(hotkey, netuid, alpha)` signed by `coldkey` would do now: the call's
	/// own code, run in a storage transaction that is rolled back. Unlike `quote_remove_stake`, it
	/// knows the position: the share pool's rounding of what is withdrawn, and a whole stake worth
	/// less than `MinStake` (closed for what it pays, perhaps nothing). `None` where the call fails.
	pub fn api_quote_remove_stake_for(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		netuid: u16,
		alpha: u64,
	) -> Option<SwapQuote> {
		use polkadot_sdk::{
			frame_support::storage::{with_transaction, TransactionOutcome},
			sp_runtime::DispatchError,
		};
		let before = Self::market(netuid).ok()?.price();
		let outcome = with_transaction(|| {
			let r = Self::do_remove_stake(coldkey, hotkey, netuid, alpha, None);
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(r))
		})
		.ok()?
		.ok()?;
		Some(SwapQuote {
			amount_in: outcome.amount_in,
			amount_out: outcome.amount_out,
			fee: outcome.fee,
			price_before: before,
			price_after: outcome.after.price(),
		})
	}

	/// Exactly what the move `request` would do now: the call's own code, rolled back. `None`
	/// where the call would fail.
	pub fn api_quote_move_stake(request: MoveRequest<T::AccountId>) -> Option<MoveOutcome> {
		use polkadot_sdk::{
			frame_support::storage::{with_transaction, TransactionOutcome},
			sp_runtime::DispatchError,
		};
		with_transaction(|| {
			let r = Self::do_move(crate::staking::MoveKind::Move, request);
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(r))
		})
		.ok()?
		.ok()
	}

	/// Blocks from now until the block whose `on_initialize` runs the epoch of `netuid`; 1 means the
	/// next block. `None` if the tempo is 0 (no epoch ever runs).
	pub fn blocks_until_epoch(netuid: u16, tempo: u16) -> Option<u64> {
		let now = Self::now();
		dtao_math::yuma::next_epoch_block(netuid, tempo, now).map(|b| b.saturating_sub(now))
	}

	/// The runtime API's view of a subnet (`netuid` 0 is root).
	pub fn api_subnet_info(netuid: u16) -> Option<SubnetInfo<T::AccountId>> {
		if netuid == ROOT_NETUID {
			let root = TotalRootStake::<T>::get();
			return Some(SubnetInfo {
				netuid,
				owner: None,
				owner_hotkey: None,
				registered_at: 0,
				started_at: Some(0),
				tempo: 0,
				blocks_until_epoch: None,
				tao_reserve: root,
				alpha_reserve: root,
				alpha_outstanding: root,
				spot_price: UNIT,
				moving_price: UNIT,
				tao_in_emission: 0,
				alpha_in_emission: 0,
				alpha_out_emission: 0,
				root_alpha_sold: 0,
				root_tao_bought: 0,
				pending_owner_alpha: 0,
				pending_miner_alpha: 0,
				pending_validator_alpha: 0,
				pending_root_tao: 0,
				root_proportion: Perbill::one(),
				volume: 0,
				neurons: NeuronCount::<T>::get(netuid),
				locked: 0,
				root_alpha_recycled: 0,
				flow_ema: 0,
				root_alpha_kept: 0,
				pending_root_alpha: 0,
			});
		}
		let pool = Pools::<T>::get(netuid)?;
		let tempo = Tempo::<T>::get(netuid);
		Some(SubnetInfo {
			netuid,
			owner: SubnetOwner::<T>::get(netuid),
			owner_hotkey: SubnetOwnerHotkey::<T>::get(netuid),
			registered_at: pool.registered_at,
			started_at: pool.started_at,
			tempo,
			blocks_until_epoch: Self::blocks_until_epoch(netuid, tempo),
			tao_reserve: pool.tao_reserve,
			alpha_reserve: pool.alpha_reserve,
			alpha_outstanding: pool.alpha_outstanding,
			spot_price: pool.market().price(),
			moving_price: Self::moving_price(netuid),
			tao_in_emission: pool.last.tao_in,
			alpha_in_emission: pool.last.alpha_in,
			alpha_out_emission: pool.last.alpha_out,
			root_alpha_sold: pool.last.root_alpha_sold,
			root_tao_bought: pool.last.root_tao_bought,
			pending_owner_alpha: pool.pending_owner_alpha,
			pending_miner_alpha: pool.pending_miner_alpha,
			pending_validator_alpha: pool.pending_validator_alpha,
			pending_root_tao: pool.pending_root_tao,
			root_proportion: Perbill::from_parts(pool.last.root_proportion_ppb),
			volume: pool.volume,
			neurons: NeuronCount::<T>::get(netuid),
			locked: SubnetLocked::<T>::get(netuid),
			root_alpha_recycled: pool.last.root_alpha_recycled,
			flow_ema: pool.flow_ema.to_num::<i64>(),
			root_alpha_kept: pool.last.root_alpha_kept,
			pending_root_alpha: pool.pending_root_alpha,
		})
	}

	/// The metagraph of `netuid`; `None` for root and unknown subnets.
	pub fn api_metagraph(netuid: u16) -> Option<Metagraph<T::AccountId>> {
		if netuid == ROOT_NETUID || !Pools::<T>::contains_key(netuid) {
			return None;
		}
		let tempo = Tempo::<T>::get(netuid);
		let factor = ActivityCutoffFactorMilli::<T>::get(netuid);
		let last_epoch = LastEpochBlock::<T>::get(netuid);
		let permits = ValidatorPermit::<T>::get(netuid);
		let updates = LastUpdate::<T>::get(netuid);
		let stake_weight = StakeWeight::<T>::get(netuid);
		let active = Active::<T>::get(netuid);
		let consensus = Consensus::<T>::get(netuid);
		let trust = ValidatorTrust::<T>::get(netuid);
		let incentive = Incentive::<T>::get(netuid);
		let dividends = Dividends::<T>::get(netuid);
		let alpha_paid = LastEpochAlpha::<T>::get(netuid);
		let root_paid = LastEpochRootTao::<T>::get(netuid);
		let at = |v: &[u16], i: usize| v.get(i).copied().unwrap_or(0);
		let neurons = (0..NeuronCount::<T>::get(netuid))
			.filter_map(|uid| {
				let hotkey = Neurons::<T>::get(netuid, uid)?;
				let coldkey = HotkeyOwner::<T>::get(&hotkey)?;
				let i = usize::from(uid);
				Some(MetagraphNeuron {
					uid,
					alpha_stake: HotkeyStake::<T>::get(netuid, &hotkey).map(|p| p.alpha).unwrap_or(0),
					root_stake: HotkeyStake::<T>::get(ROOT_NETUID, &hotkey).map(|p| p.alpha).unwrap_or(0),
					stake_weight: at(&stake_weight, i),
					validator_permit: permits.get(i).copied().unwrap_or(false),
					active: active.get(i).copied().unwrap_or(false),
					last_update: updates.get(i).copied().unwrap_or(0),
					registered_at: BlockAtRegistration::<T>::get(netuid, uid),
					consensus: at(&consensus, i),
					validator_trust: at(&trust, i),
					incentive: at(&incentive, i),
					dividends: at(&dividends, i),
					weights: Weights::<T>::get(netuid, uid),
					bonds: Bonds::<T>::get(netuid, uid),
					alpha_paid: alpha_paid.get(i).copied().unwrap_or(0),
					root_tao_paid: root_paid.get(i).copied().unwrap_or(0),
					hotkey,
					coldkey,
				})
			})
			.collect();
		Some(Metagraph {
			netuid,
			block: Self::now(),
			tempo,
			last_epoch_block: (last_epoch != 0).then_some(last_epoch),
			blocks_until_epoch: Self::blocks_until_epoch(netuid, tempo),
			kappa: Kappa::<T>::get(netuid),
			bonds_moving_average: BondsMovingAverage::<T>::get(netuid),
			bonds_penalty: BondsPenalty::<T>::get(netuid),
			activity_cutoff_factor_milli: factor,
			activity_cutoff: dtao_math::yuma::activity_cutoff(factor, tempo),
			max_validators: MaxValidators::<T>::get(netuid),
			tao_weight: TaoWeight::<T>::get(),
			neurons,
		})
	}

	/// Every subnet, root first, in netuid order.
	pub fn api_all_subnets() -> Vec<SubnetInfo<T::AccountId>> {
		let mut netuids: Vec<u16> = Pools::<T>::iter_keys().collect();
		netuids.sort_unstable();
		core::iter::once(ROOT_NETUID).chain(netuids).filter_map(Self::api_subnet_info).collect()
	}

	/// Every stake position of `coldkey`, by (netuid, hotkey) in storage order.
	pub fn api_stake_info(coldkey: T::AccountId) -> Vec<StakeInfo<T::AccountId>> {
		let mut out: Vec<StakeInfo<T::AccountId>> = StakeIndex::<T>::iter_key_prefix((coldkey.clone(),))
			.map(|(hotkey, netuid)| {
				let alpha = Self::stake_value(&hotkey, &coldkey, netuid);
				let tao_value = if alpha == 0 { 0 } else { Self::quote_sell(netuid, alpha).map(|o| o.amount_out).unwrap_or(0) };
				StakeInfo { hotkey, netuid, alpha, tao_value }
			})
			.collect();
		out.sort_by_key(|s| s.netuid);
		out
	}
}
