//! Storage value types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use dtao_math::{
	coinbase::{BlockRecord, SubnetState},
	substrate_fixed::types::{I64F64, U64F64},
	MathError, Market, SharePool, Vesting,
};
use polkadot_sdk::frame_support::{traits::Get, BoundedVec};
use polkadot_sdk::sp_runtime::Perbill;
use scale_info::TypeInfo;

/// A subnet's numbers that change every block, kept in one storage value so the coinbase reads and
/// writes each subnet once per block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct SubnetPool {
	/// `T_n`: TAO reserve of the pool.
	pub tao_reserve: u64,
	/// `A_n`: alpha reserve of the pool ("alpha in").
	pub alpha_reserve: u64,
	/// `O_n`: alpha minted and not in the pool: every stake on the subnet plus the pending alpha.
	pub alpha_outstanding: u64,
	/// Alpha for the owner, accumulated until the next epoch.
	pub pending_owner_alpha: u64,
	/// Alpha for the miners, accumulated until the next epoch.
	pub pending_miner_alpha: u64,
	/// Alpha for the validators, accumulated until the next epoch.
	pub pending_validator_alpha: u64,
	/// TAO bought by selling root's alpha, accumulated until the next epoch (held by the pallet).
	pub pending_root_tao: u64,
	/// `m_n`: moving average of the spot price (TAO per alpha).
	pub moving_price: U64F64,
	/// Block of registration.
	pub registered_at: u64,
	/// Block of `start_call`, if made.
	pub started_at: Option<u64>,
	/// What the last block's coinbase did to this subnet.
	pub last: BlockEmissionRecord,
	/// TAO traded through the pool since registration (both directions, before fees).
	pub volume: u128,
	/// The subnet's `Tempo`, written with it, so that the block hook finds the epoch schedule in
	/// the one value it reads per subnet.
	pub tempo: u16,
	/// Stake entries (`StakeShares`) on the subnet: the holders a dissolution pays.
	pub stakers: u32,
	/// Net user TAO flow through the pool in the current block, in rao: TAO staked in minus TAO
	/// unstaked out (started subnets only). Folded into `flow_ema` and reset by the next block's
	/// coinbase.
	pub flow: i64,
	/// `S_n`: the EMA of the block flows, rao per block (`FlowHalfLife`), advanced every block
	/// whatever `EmissionShare` is.
	pub flow_ema: I64F64,
	/// Root's alpha kept for root stakers (`RootDividendMode::KeepAlpha`), until the next epoch.
	pub pending_root_alpha: u64,
	/// Block of the subnet's last epoch (0 before its first): a copy of `LastEpochBlock`, written
	/// with it, so that the block hook finds the blocks since the last epoch in the one value it
	/// reads per subnet.
	pub last_epoch: u64,
}

impl Default for SubnetPool {
	fn default() -> Self {
		Self {
			tao_reserve: 0,
			alpha_reserve: 0,
			alpha_outstanding: 0,
			pending_owner_alpha: 0,
			pending_miner_alpha: 0,
			pending_validator_alpha: 0,
			pending_root_tao: 0,
			moving_price: U64F64::from_bits(0),
			registered_at: 0,
			started_at: None,
			last: BlockEmissionRecord::default(),
			volume: 0,
			tempo: crate::params::defaults::TEMPO,
			stakers: 0,
			flow: 0,
			flow_ema: I64F64::from_bits(0),
			pending_root_alpha: 0,
			last_epoch: 0,
		}
	}
}

impl SubnetPool {
	/// Blocks from the subnet's last epoch (or, before its first, its registration) to `now`.
	pub fn blocks_since_epoch(&self, now: u64) -> u64 {
		now.saturating_sub(self.last_epoch.max(self.registered_at))
	}

	/// The pool and pending balances, as the coinbase's block step reads them.
	pub fn state(&self) -> SubnetState {
		SubnetState {
			tao_reserve: self.tao_reserve,
			alpha_reserve: self.alpha_reserve,
			alpha_outstanding: self.alpha_outstanding,
			pending_owner_alpha: self.pending_owner_alpha,
			pending_miner_alpha: self.pending_miner_alpha,
			pending_validator_alpha: self.pending_validator_alpha,
			pending_root_tao: self.pending_root_tao,
			pending_root_alpha: self.pending_root_alpha,
		}
	}

	/// Write back what the block step computed, with its record.
	pub fn apply(&mut self, s: SubnetState, record: BlockRecord) {
		self.tao_reserve = s.tao_reserve;
		self.alpha_reserve = s.alpha_reserve;
		self.alpha_outstanding = s.alpha_outstanding;
		self.pending_owner_alpha = s.pending_owner_alpha;
		self.pending_miner_alpha = s.pending_miner_alpha;
		self.pending_validator_alpha = s.pending_validator_alpha;
		self.pending_root_tao = s.pending_root_tao;
		self.pending_root_alpha = s.pending_root_alpha;
		self.last = record.into();
	}

	/// The pool as a market for the swap arithmetic.
	pub fn market(&self) -> Market {
		Market::Pool { tao: self.tao_reserve, alpha: self.alpha_reserve }
	}

	/// Alpha issuance `I_n = A_n + O_n` (saturating; the emission cap keeps it far from `u64::MAX`).
	pub fn alpha_issuance(&self) -> u64 {
		self.alpha_reserve.saturating_add(self.alpha_outstanding)
	}

	/// Sum of the pending alpha of every kind (root's kept alpha included).
	pub fn pending_alpha(&self) -> u64 {
		self.pending_owner_alpha
			.saturating_add(self.pending_miner_alpha)
			.saturating_add(self.pending_validator_alpha)
			.saturating_add(self.pending_root_alpha)
	}
}

/// One block's injection into a subnet (docs/mechanism.md §6.2 step 9).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct BlockEmissionRecord {
	/// `τ`: TAO injected into the pool, in rao.
	pub tao_in: u64,
	/// `α_in`: alpha injected into the pool.
	pub alpha_in: u64,
	/// `α_out`: alpha minted outside the pool (owner, miners, validators).
	pub alpha_out: u64,
	/// `ra`: root's share of the validators' alpha sold into the pool.
	pub root_alpha_sold: u64,
	/// `rt`: the TAO that sale bought, pending for root stakers.
	pub root_tao_bought: u64,
	/// `ρ_n` of that block, in parts per billion, rounded down.
	pub root_proportion_ppb: u32,
	/// Root's alpha taken out of the alpha outstanding instead of sold (the sell gate).
	pub root_alpha_recycled: u64,
	/// Root's alpha kept for root stakers instead of sold (`KeepAlpha`).
	pub root_alpha_kept: u64,
}

impl From<BlockRecord> for BlockEmissionRecord {
	fn from(r: BlockRecord) -> Self {
		BlockEmissionRecord {
			tao_in: r.tao_in,
			alpha_in: r.alpha_in,
			alpha_out: r.alpha_out,
			root_alpha_sold: r.root_alpha_sold,
			root_tao_bought: r.root_tao_bought,
			root_proportion_ppb: r.root_proportion_ppb(),
			root_alpha_recycled: r.root_alpha_recycled,
			root_alpha_kept: r.root_alpha_kept,
		}
	}
}

/// A hotkey's stake on one subnet as a share pool: `H(h,n)` and `S(h,n)`, and the dividends in
/// `H` still being released to the holders (`DividendAccrual::OverTempo`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct StakePool {
	/// `H`: alpha held by the pool, including dividends not released yet.
	pub alpha: u64,
	/// `S`: shares outstanding.
	pub shares: u128,
	/// Dividends paid at block `vesting_start`, released over `vesting_blocks` blocks.
	pub vesting: u64,
	/// The block those dividends were paid.
	pub vesting_start: u64,
	/// Blocks over which they are released (0: nothing is being released).
	pub vesting_blocks: u32,
}

impl StakePool {
	fn schedule(&self) -> Vesting {
		Vesting { amount: self.vesting, start: self.vesting_start, blocks: self.vesting_blocks }
	}

	fn set_schedule(&mut self, v: Vesting) {
		(self.vesting, self.vesting_start, self.vesting_blocks) = (v.amount, v.start, v.blocks);
	}

	/// Dividends in `H` not released by block `now`.
	pub fn unreleased(&self, now: u64) -> u64 {
		self.schedule().unreleased(now)
	}

	/// The pool as its holders own it at block `now`: `H` less what is not released.
	pub fn share_pool(&self, now: u64) -> SharePool {
		SharePool { alpha: self.alpha.saturating_sub(self.unreleased(now)), shares: self.shares }
	}

	/// Write back `pool` (from `share_pool(now)`, after a deposit, withdrawal or credit): what is not
	/// released stays in `H`; a schedule fully released is cleared.
	pub fn with(mut self, pool: SharePool, now: u64) -> StakePool {
		let held = self.unreleased(now);
		if held == 0 {
			self.set_schedule(Vesting::default());
		}
		self.alpha = pool.alpha.saturating_add(held);
		self.shares = pool.shares;
		self
	}

	/// Release everything at once (the last holder leaves with it; a dissolution pays it).
	pub fn release_all(&mut self) {
		self.set_schedule(Vesting::default());
	}

	/// Pay `alpha` to the holders, released over `blocks` blocks from `now` (with what is still
	/// unreleased). Fails with `ZeroOutput` on a pool with no holder, `Overflow` on overflow.
	pub fn vest(&mut self, alpha: u64, now: u64, blocks: u32) -> Result<(), MathError> {
		if self.shares == 0 {
			return Err(MathError::ZeroOutput);
		}
		let total = self.alpha.checked_add(alpha).ok_or(MathError::Overflow)?;
		let mut v = self.schedule();
		v.add(alpha, now, blocks)?;
		self.set_schedule(v);
		self.alpha = total;
		Ok(())
	}
}

/// A dissolution being settled over several blocks (docs/mechanism.md §5.3): the pool's TAO and
/// alpha issuance frozen when the subnet was dissolved, and how far the payments have come.
///
/// Holders are paid in storage order by cumulative rounding: with `C` the alpha value of the
/// holders already paid, the next holder of value `v` gets `floor(P·(C+v)/I) − floor(P·C/I)`, so the
/// stakers' total is exactly `floor(P·Σv/I)` however the payments are split across blocks.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct Settlement<AccountId> {
	/// `P`: the pool's TAO, after pending root TAO was paid or added to it.
	pub tao: u64,
	/// `I`: the subnet's alpha issuance, after pending alpha was returned to the pool.
	pub issuance: u64,
	/// `C`: alpha value of the holders paid so far.
	pub value_paid: u128,
	/// TAO paid to holders so far.
	pub paid: u64,
	/// Holders paid so far (including those whose payout stayed with the pool's part).
	pub holders_paid: u32,
	/// The owner refunded at the end, and the lock it is refunded up to.
	pub owner: Option<AccountId>,
	/// The subnet's lock: the most the owner is refunded.
	pub lock: u64,
	/// Pending root TAO paid as root dividends when the dissolution started.
	pub root_dividends: u64,
	/// Holders to pay: the subnet's stake entries when it closed.
	pub holders: u32,
}

impl<AccountId> Settlement<AccountId> {
	/// TAO the pallet account still holds for this settlement.
	pub fn tao_left(&self) -> u64 {
		self.tao.saturating_sub(self.paid)
	}

	/// Holders not paid yet.
	pub fn holders_left(&self) -> u32 {
		self.holders.saturating_sub(self.holders_paid)
	}
}

/// One step of a genesis economy (`GenesisConfig::economy`), applied in order at genesis through the
/// same functions the calls use, so genesis state obeys every rule the calls do.
#[derive(Clone, Debug, PartialEq, Eq, polkadot_sdk::frame_support::Serialize, polkadot_sdk::frame_support::Deserialize)]
#[serde(crate = "polkadot_sdk::frame_support::__private::serde", rename_all = "camelCase", deny_unknown_fields)]
pub enum GenesisAction<AccountId> {
	/// `register_network` signed by `coldkey`.
	#[serde(rename_all = "camelCase")]
	RegisterNetwork {
		/// The owner's coldkey, which pays the lock.
		coldkey: AccountId,
		/// The owner's hotkey.
		hotkey: AccountId,
	},
	/// `start_call` signed by the owner `coldkey`.
	#[serde(rename_all = "camelCase")]
	StartCall {
		/// The owner's coldkey.
		coldkey: AccountId,
		/// The subnet.
		netuid: u16,
	},
	/// `burned_register` signed by `coldkey`.
	#[serde(rename_all = "camelCase")]
	BurnedRegister {
		/// The coldkey that pays the burn.
		coldkey: AccountId,
		/// The subnet.
		netuid: u16,
		/// The neuron's hotkey.
		hotkey: AccountId,
	},
	/// `add_stake` of `tao` rao signed by `coldkey`.
	#[serde(rename_all = "camelCase")]
	AddStake {
		/// The staker's coldkey.
		coldkey: AccountId,
		/// The hotkey staked on.
		hotkey: AccountId,
		/// The subnet (0: root).
		netuid: u16,
		/// TAO staked, in rao.
		tao: u64,
	},
	/// `set_take` (parts per billion) signed by the hotkey's owner `coldkey`.
	#[serde(rename_all = "camelCase")]
	SetTake {
		/// The hotkey's owner.
		coldkey: AccountId,
		/// The hotkey.
		hotkey: AccountId,
		/// The take, in parts per billion.
		take_ppb: u32,
	},
	/// An epoch of `netuid` now, so that permits exist before weights are set.
	#[serde(rename_all = "camelCase")]
	RunEpoch {
		/// The subnet.
		netuid: u16,
	},
	/// `set_weights` signed by `hotkey`.
	#[serde(rename_all = "camelCase")]
	SetWeights {
		/// The validator's hotkey.
		hotkey: AccountId,
		/// The subnet.
		netuid: u16,
		/// The uids weighted.
		uids: alloc::vec::Vec<u16>,
		/// Their weights, as `set_weights` takes them.
		weights: alloc::vec::Vec<u16>,
	},
}

/// How the block's TAO is split across started subnets (docs/mechanism.md §6.2): a rule giving each
/// subnet a weight, and an optional gate over the weights. Set by root (`set_emission_share_policy`);
/// a switch takes effect from the next block, from accumulators that advanced every block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
#[derive(polkadot_sdk::frame_support::Serialize, polkadot_sdk::frame_support::Deserialize)]
#[serde(crate = "polkadot_sdk::frame_support::__private::serde", rename_all = "camelCase")]
pub struct EmissionSharePolicy {
	/// Each started subnet's weight.
	pub rule: ShareRule,
	/// The gate over the weights, if any.
	pub gate: Option<ShareGate>,
}

/// The weight of each started subnet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
#[derive(polkadot_sdk::frame_support::Serialize, polkadot_sdk::frame_support::Deserialize)]
#[serde(crate = "polkadot_sdk::frame_support::__private::serde", rename_all = "camelCase")]
pub enum ShareRule {
	/// `w_n = m_n`, the moving price.
	#[default]
	MovingPrice,
	/// `w_n = max(S_n − L, 0)^p` with `S_n` the flow EMA, `L = max(cutoff, min(min_n S_n, 0))`
	/// (`cutoff` in rao per block, at most 0) and `p = exponent_milli / 1000` (1 to 10_000).
	#[serde(rename_all = "camelCase")]
	TaoFlow {
		/// `L`'s floor, in rao per block: at most 0.
		cutoff: i64,
		/// `p`, in thousandths: 1 to 10_000.
		exponent_milli: u32,
	},
}

/// The gate over the shares: every `InitialTempo + 1` blocks a bar `θ` is set to the `quantile` of
/// the positive shares; each share `s` becomes `s / (1 + (θ / s)^exponent)`, renormalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
#[derive(polkadot_sdk::frame_support::Serialize, polkadot_sdk::frame_support::Deserialize)]
#[serde(crate = "polkadot_sdk::frame_support::__private::serde", rename_all = "camelCase")]
pub struct ShareGate {
	/// The quantile of the positive shares that sets the bar `θ`.
	pub quantile: Perbill,
	/// `h`, 1 to 16.
	pub exponent: u8,
}

/// When an epoch's dividends reach the holders of a hotkey's share pool (docs/mechanism.md §6.4).
/// Set by root (`set_dividend_accrual`); a switch applies to the next payments, and what is being
/// released keeps its schedule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
#[derive(polkadot_sdk::frame_support::Serialize, polkadot_sdk::frame_support::Deserialize)]
#[serde(crate = "polkadot_sdk::frame_support::__private::serde", rename_all = "camelCase")]
pub enum DividendAccrual {
	/// At the epoch, to whoever holds the pool's shares then (the reference chain's rule).
	AtEpoch,
	/// Released block by block over the paying subnet's next `Tempo + 1` blocks, to whoever holds
	/// the shares in each block: stake held `k` blocks earns `k` blocks' release. The default.
	#[default]
	OverTempo,
}

/// What happens to root's share of the validators' alpha (docs/mechanism.md §6.2 step 7, §6.7). Set
/// by root (`set_root_dividend_mode`); a switch applies from the next block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
#[derive(polkadot_sdk::frame_support::Serialize, polkadot_sdk::frame_support::Deserialize)]
#[serde(crate = "polkadot_sdk::frame_support::__private::serde", rename_all = "camelCase")]
pub enum RootDividendMode {
	/// Sold into the subnet's pool every block, the TAO paid to root stakers at the epoch. With
	/// `sell_gate`, sold only while the started subnets' moving prices add up to more than 1;
	/// otherwise recycled: taken out of the alpha outstanding.
	#[serde(rename_all = "camelCase")]
	SellPerBlock {
		/// Recycle instead of selling while the moving prices add up to at most 1.
		sell_gate: bool,
	},
	/// Kept as alpha: each epoch pays it, by the root parts of the validators' dividends, into a
	/// claim pool per (validator hotkey, subnet), from which each root staker of that hotkey claims
	/// its part (`claim_root`), as alpha stake on the subnet.
	KeepAlpha,
}

/// Root's kept alpha of one subnet owed to the root stakers of one hotkey: one entry of the
/// hotkey's [`ClaimPools`]. It keeps the alpha held for them and the alpha paid so far per root
/// share of the hotkey (scaled by 2^96). Under `DividendAccrual::OverTempo` a payment is released
/// over the tempo: `releasing` alpha from `release_start` over `release_blocks` blocks, of which
/// `folded` is already in `per_share`; what is released in between is folded in at the root shares
/// of the hotkey at that time, before they change.
///
/// `id` tells the hotkey's pools apart (a netuid may have a settled pool of a dissolved subnet and a
/// live one of a later subnet). When the subnet is dissolved the pool is settled: `settled` is the
/// TAO its alpha was valued at in the subnet's settlement, and claims are paid in TAO from then on,
/// `floor(alpha due · settled / held)`, while the release goes on as before.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct RootClaimPool {
	/// The subnet whose kept alpha it holds.
	pub netuid: u16,
	/// Its number among the hotkey's pools.
	pub id: u64,
	/// Alpha held for the root stakers (released or not).
	pub held: u64,
	/// Alpha released so far per root share of the hotkey, scaled by 2^96.
	pub per_share: u128,
	/// Alpha being released over the tempo (`OverTempo`).
	pub releasing: u64,
	/// The block the release started.
	pub release_start: u64,
	/// Blocks the release lasts (0: nothing being released).
	pub release_blocks: u32,
	/// Alpha of the release already folded into `per_share`.
	pub folded: u64,
	/// The TAO its alpha was valued at when the subnet dissolved; `None` while it lives.
	pub settled: Option<u64>,
}

impl RootClaimPool {
	fn schedule(&self) -> Vesting {
		Vesting { amount: self.releasing, start: self.release_start, blocks: self.release_blocks }
	}

	/// Alpha released by block `now` and not yet in `per_share`.
	pub fn unfolded(&self, now: u64) -> u64 {
		let released = self.releasing.saturating_sub(self.schedule().unreleased(now));
		released.saturating_sub(self.folded)
	}

	/// The alpha per root share at block `now`, for the hotkey's `shares` root shares (unchanged
	/// since the last `fold`).
	pub fn figure(&self, now: u64, shares: u128) -> u128 {
		let rise = dtao_math::claim_per_share(self.unfolded(now), shares).unwrap_or(0);
		self.per_share.saturating_add(rise)
	}

	/// Fold what was released by `now` into `per_share` at the hotkey's `shares` root shares (done
	/// before they change). With no shares nothing is folded (`fold_root_claims` owes it to the
	/// hotkey's owner).
	pub fn fold(&mut self, now: u64, shares: u128) {
		let unfolded = self.unfolded(now);
		if let Some(rise) = dtao_math::claim_per_share(unfolded, shares) {
			self.per_share = self.per_share.saturating_add(rise);
			self.folded = self.folded.saturating_add(unfolded);
		}
	}

	/// Take out `alpha` (at most what is held) and return it with its value in TAO if the pool is
	/// settled (`floor(alpha · settled / held)`; 0 while it is live): what was held and its TAO
	/// fall by them.
	pub fn take(&mut self, alpha: u64) -> (u64, u64) {
		let alpha = alpha.min(self.held);
		let tao = match self.settled {
			Some(settled) => {
				let tao = dtao_math::wide::mul_div_floor(u128::from(alpha), u128::from(settled), u128::from(self.held))
					.and_then(|v| u64::try_from(v).ok())
					.unwrap_or(0)
					.min(settled);
				self.settled = Some(settled.saturating_sub(tao));
				tao
			},
			None => 0,
		};
		self.held = self.held.saturating_sub(alpha);
		(alpha, tao)
	}

	/// Whether nothing is left to claim or to release: every account with it is owed nothing.
	pub fn is_spent(&self) -> bool {
		self.held == 0 || self.settled == Some(0)
	}

	/// Pay `alpha` at block `now` to the hotkey's `shares` root shares, released over `blocks`
	/// blocks (0: at once); what an earlier payment has not released yet is released with it.
	/// Returns whether it could be paid (some root shares, and a rise above 0 if paid at once).
	pub fn pay(&mut self, alpha: u64, now: u64, blocks: u32, shares: u128) -> bool {
		if shares == 0 || self.settled.is_some() {
			return false;
		}
		self.fold(now, shares);
		if blocks == 0 {
			match dtao_math::claim_per_share(alpha, shares).filter(|r| *r > 0) {
				Some(rise) => self.per_share = self.per_share.saturating_add(rise),
				None => return false,
			}
		} else {
			// What is not in `per_share` yet is released again with the new payment, from `now`.
			let left = self.releasing.saturating_sub(self.folded);
			(self.releasing, self.release_start, self.release_blocks, self.folded) = (left.saturating_add(alpha), now, blocks, 0);
		}
		self.held = self.held.saturating_add(alpha);
		true
	}
}

/// A hotkey's claim pools (`RootClaimPools`), at most `MaxRootClaimPools`, in one value so that a
/// change of a root stake on the hotkey reads and writes one record whatever their number;
/// `next_id` numbers the next pool opened.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
#[derive(polkadot_sdk::frame_support::CloneNoBound, polkadot_sdk::frame_support::PartialEqNoBound)]
#[derive(polkadot_sdk::frame_support::EqNoBound, polkadot_sdk::frame_support::DebugNoBound)]
#[derive(polkadot_sdk::frame_support::DefaultNoBound)]
#[scale_info(skip_type_params(S))]
#[codec(mel_bound())]
pub struct ClaimPools<S: Get<u32>> {
	/// The `id` of the next pool opened.
	pub next_id: u64,
	/// The hotkey's pools, live and settled.
	pub pools: BoundedVec<RootClaimPool, S>,
}

impl<S: Get<u32>> ClaimPools<S> {
	/// The live (not settled) pool of `netuid`.
	pub fn live(&self, netuid: u16) -> Option<&RootClaimPool> {
		self.pools.iter().find(|p| p.netuid == netuid && p.settled.is_none())
	}

	/// The live (not settled) pool of `netuid`, to change.
	pub fn live_mut(&mut self, netuid: u16) -> Option<&mut RootClaimPool> {
		self.pools.iter_mut().find(|p| p.netuid == netuid && p.settled.is_none())
	}

	/// The pool numbered `id`.
	pub fn get(&self, id: u64) -> Option<&RootClaimPool> {
		self.pools.iter().find(|p| p.id == id)
	}

	/// The pool numbered `id`, to change.
	pub fn get_mut(&mut self, id: u64) -> Option<&mut RootClaimPool> {
		self.pools.iter_mut().find(|p| p.id == id)
	}

	/// Remove the pools with nothing left to claim or release.
	pub fn prune(&mut self) {
		self.pools.retain(|p| !p.is_spent());
	}
}

/// One root staker's account with one claim pool of a hotkey (an entry of `RootClaims`): the
/// pool's `id`, its `per_share` when the staker's root shares last changed, and the alpha it had
/// earned by then and not claimed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct RootClaim {
	/// The claim pool's `id`.
	pub id: u64,
	/// The pool's `per_share` when the staker's root shares last changed.
	pub snapshot: u128,
	/// Alpha earned by then and not claimed.
	pub owed: u64,
}

impl Default for RootDividendMode {
	fn default() -> Self {
		RootDividendMode::SellPerBlock { sell_gate: false }
	}
}

/// One chain-wide parameter with a new value: an entry of `set_params`. Each is checked as its own
/// setter checks it and emits that setter's `<Name>Set` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum Param {
	/// `TaoWeight`.
	TaoWeight(Perbill),
	/// `OwnerCut`.
	OwnerCut(Perbill),
	/// `MinerShare`.
	MinerShare(Perbill),
	/// `SwapFee`.
	SwapFee(Perbill),
	/// `MinPoolReserve` (above 0, at most `NetworkMinLockCost` and every pool's reserves).
	MinPoolReserve(u64),
	/// `MinStake`.
	MinStake(u64),
	/// `BlockEmission` (at most half the supply cap).
	BlockEmission(u64),
	/// `MovingAlpha`.
	MovingAlpha(Perbill),
	/// `MovingHalvingBlocks`.
	MovingHalvingBlocks(u64),
	/// `MovingPriceCap` (above 0).
	MovingPriceCap(u64),
	/// `NetworkMinLockCost` (at least `MinPoolReserve`).
	NetworkMinLockCost(u64),
	/// `NetworkLockReductionInterval`.
	NetworkLockReductionInterval(u64),
	/// `NetworkRateLimit`.
	NetworkRateLimit(u64),
	/// `NetworkImmunityPeriod`.
	NetworkImmunityPeriod(u64),
	/// `SubnetLimit` (at most `MaxSubnets`).
	SubnetLimit(u16),
	/// `StartCallDelay`.
	StartCallDelay(u64),
	/// `MaxTake`.
	MaxTake(Perbill),
	/// `EmissionShare` (`set_emission_share_policy`'s bounds).
	EmissionSharePolicy(EmissionSharePolicy),
	/// `FlowHalfLife` (1 to 100_000_000 blocks).
	FlowHalfLife(u64),
	/// `DividendAccrualMode`.
	DividendAccrual(DividendAccrual),
	/// `RootDividends`.
	RootDividendMode(RootDividendMode),
	/// `TakeRateLimit`.
	TakeRateLimit(u64),
}

/// One parameter of a subnet with a new value: an entry of `set_subnet_params`. Each is checked as
/// its own setter checks it and emits that setter's `<Name>Set` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum SubnetParam {
	/// `Tempo`. Root only.
	Tempo(u16),
	/// `Burn`. Root only.
	Burn(u64),
	/// `MaxNeurons` (at least the subnet's neurons, at most `MaxNeuronsLimit`). Root only.
	MaxNeurons(u16),
	/// `MaxValidators` (at most `MaxValidatorsLimit`). Root only.
	MaxValidators(u16),
	/// `Kappa`. Root only.
	Kappa(u16),
	/// `BondsMovingAverage` (at most 1_000_000; the owner at most 975_000). Root or the owner.
	BondsMovingAverage(u64),
	/// `BondsPenalty`. Root or the owner.
	BondsPenalty(u16),
	/// `ActivityCutoffFactorMilli` (1_000 to 50_000). Root or the owner.
	ActivityCutoffFactorMilli(u32),
}

impl SubnetParam {
	/// Whether only root may set it (the subnet's owner may set the others).
	pub fn root_only(&self) -> bool {
		matches!(self, Self::Tempo(_) | Self::Burn(_) | Self::MaxNeurons(_) | Self::MaxValidators(_) | Self::Kappa(_))
	}
}
