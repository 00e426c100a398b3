//! Storage value types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use dtao_math::{Market, SharePool};
use scale_info::TypeInfo;

/// A subnet's numbers that change every block, kept in one storage value so the coinbase reads and
/// writes each subnet once per block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
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
	/// `m_n`: moving average of the spot price, as the bits of a `U64F64` (TAO per alpha).
	pub moving_price_bits: u128,
	/// Block of registration.
	pub registered_at: u64,
	/// Block of `start_call`, if made.
	pub started_at: Option<u64>,
	/// What the last block's coinbase did to this subnet.
	pub last: BlockEmissionRecord,
	/// TAO traded through the pool since registration (both directions, before fees).
	pub volume: u128,
}

impl SubnetPool {
	/// The pool as a market for the swap arithmetic.
	pub fn market(&self) -> Market {
		Market::Pool { tao: self.tao_reserve, alpha: self.alpha_reserve }
	}

	/// Alpha issuance `I_n = A_n + O_n` (saturating; the emission cap keeps it far from `u64::MAX`).
	pub fn alpha_issuance(&self) -> u64 {
		self.alpha_reserve.saturating_add(self.alpha_outstanding)
	}

	/// Sum of the pending alpha of every kind.
	pub fn pending_alpha(&self) -> u64 {
		self.pending_owner_alpha
			.saturating_add(self.pending_miner_alpha)
			.saturating_add(self.pending_validator_alpha)
	}
}

/// One block's injection into a subnet (docs/mechanism.md §6.2 step 9).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct BlockEmissionRecord {
	pub tao_in: u64,
	pub alpha_in: u64,
	pub alpha_out: u64,
	pub root_alpha_sold: u64,
	pub root_tao_bought: u64,
	/// `ρ_n` of that block, in parts per billion, rounded down.
	pub root_proportion_ppb: u32,
}

/// A hotkey's stake on one subnet as a share pool: `H(h,n)` and `S(h,n)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct StakePool {
	/// `H`: alpha held by the pool.
	pub alpha: u64,
	/// `S`: shares outstanding.
	pub shares: u128,
}

impl From<StakePool> for SharePool {
	fn from(p: StakePool) -> Self {
		SharePool { alpha: p.alpha, shares: p.shares }
	}
}

impl From<SharePool> for StakePool {
	fn from(p: SharePool) -> Self {
		StakePool { alpha: p.alpha, shares: p.shares }
	}
}
