//! A hotkey's stake on a subnet as a share pool (docs/mechanism.md §4).
//!
//! `alpha` is the pool's total `H`, `shares` its total `S`; a holder's value is
//! `floor(shares_h · H / S)`. Deposits mint shares rounded down and withdrawals burn shares rounded
//! up, so every rounding favours the pool (the other holders). Because the holders' shares always add
//! up to `S`, their values add up to `H` minus less than one alpha-rao per holder.

use crate::{wide, MathError};

/// Shares minted per alpha-rao by the first deposit into an empty pool. Large, so that a pool whose
/// value grows by dividends still mints a non-zero number of shares for a small deposit.
pub const SHARE_SCALE: u128 = 1 << 32;

/// A hotkey's stake on one subnet as a share pool: `H` alpha divided into `S` shares among its
/// holders (docs/mechanism.md §4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SharePool {
	/// `H`: the alpha the pool holds.
	pub alpha: u64,
	/// `S`: the shares outstanding.
	pub shares: u128,
}

impl SharePool {
	/// The value of `holder_shares`: `floor(holder_shares · H / S)`, 0 for an empty pool.
	pub fn value(&self, holder_shares: u128) -> u64 {
		if self.shares == 0 {
			return 0;
		}
		let v = wide::mul_div_floor(holder_shares, u128::from(self.alpha), self.shares).unwrap_or(0);
		u64::try_from(v).unwrap_or(self.alpha).min(self.alpha)
	}

	/// Deposit `alpha` for a holder; returns the shares minted to them.
	///
	/// Fails with `ZeroOutput` when the deposit would mint no share and `Overflow` when a total
	/// would overflow (or the pool holds shares but no alpha, which the pool never allows).
	pub fn deposit(&mut self, alpha: u64) -> Result<u128, MathError> {
		let minted = if self.shares == 0 {
			u128::from(alpha).checked_mul(SHARE_SCALE).ok_or(MathError::Overflow)?
		} else {
			if self.alpha == 0 {
				return Err(MathError::Overflow);
			}
			wide::mul_div_floor(u128::from(alpha), self.shares, u128::from(self.alpha)).ok_or(MathError::Overflow)?
		};
		if minted == 0 {
			return Err(MathError::ZeroOutput);
		}
		let new_alpha = self.alpha.checked_add(alpha).ok_or(MathError::Overflow)?;
		let new_shares = self.shares.checked_add(minted).ok_or(MathError::Overflow)?;
		self.alpha = new_alpha;
		self.shares = new_shares;
		Ok(minted)
	}

	/// Withdraw `alpha` from a holder of `holder_shares`; returns `(shares burned, alpha removed)`.
	///
	/// Burns `ceil(alpha · S / H)` shares (all of the holder's when `alpha` is their whole value). The
	/// alpha removed equals `alpha`, except when the holder's shares are the last ones: then the whole
	/// `H` leaves with them, so that no alpha stays behind without an owner.
	pub fn withdraw(&mut self, holder_shares: u128, alpha: u64) -> Result<(u128, u64), MathError> {
		let holder_shares = holder_shares.min(self.shares);
		let value = self.value(holder_shares);
		if alpha > value {
			return Err(MathError::NotEnoughStake);
		}
		let burned = if alpha == value {
			holder_shares
		} else {
			wide::mul_div_ceil(u128::from(alpha), self.shares, u128::from(self.alpha))
				.ok_or(MathError::Overflow)?
				.min(holder_shares)
		};
		let new_shares = self.shares.saturating_sub(burned);
		let removed = if new_shares == 0 { self.alpha } else { alpha };
		self.alpha = self.alpha.saturating_sub(removed);
		self.shares = new_shares;
		Ok((burned, removed))
	}

	/// Pay `alpha` to every holder pro rata (dividends): `H` grows, shares do not.
	/// Fails with `ZeroOutput` on a pool with no holder and `Overflow` when `H` would overflow.
	pub fn credit(&mut self, alpha: u64) -> Result<(), MathError> {
		if self.shares == 0 {
			return Err(MathError::ZeroOutput);
		}
		self.alpha = self.alpha.checked_add(alpha).ok_or(MathError::Overflow)?;
		Ok(())
	}
}

/// Dividends paid into a share pool and released to its holders block by block
/// (`DividendAccrual::OverTempo`, docs/mechanism.md §6.4): of `amount` paid at block `start`,
/// `floor(amount · min(now − start, blocks) / blocks)` is released by block `now`; the rest is held
/// by the pool but is worth nothing to its holders yet. A holder present for `k` of the `blocks`
/// therefore earns its share of `k` blocks' release, however it times its stake.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Vesting {
	/// The alpha paid, released over `blocks`.
	pub amount: u64,
	/// The block of the payment.
	pub start: u64,
	/// The blocks over which it is released (the paying subnet's tempo plus one).
	pub blocks: u32,
}

impl Vesting {
	/// What is not released by block `now` (0 once `blocks` blocks have passed, or for `blocks` 0).
	pub fn unreleased(&self, now: u64) -> u64 {
		if self.blocks == 0 {
			return 0;
		}
		let elapsed = now.saturating_sub(self.start).min(u64::from(self.blocks));
		let released = wide::mul_div_floor(u128::from(self.amount), u128::from(elapsed), u128::from(self.blocks)).unwrap_or(0);
		self.amount.saturating_sub(u64::try_from(released).unwrap_or(self.amount))
	}

	/// Add a payment of `alpha` at block `now`, released over `blocks` blocks: what is still
	/// unreleased joins it, and the whole is released from `now` on. `blocks` 0 releases at once.
	pub fn add(&mut self, alpha: u64, now: u64, blocks: u32) -> Result<(), MathError> {
		let amount = self.unreleased(now).checked_add(alpha).ok_or(MathError::Overflow)?;
		*self = if blocks == 0 || amount == 0 { Vesting::default() } else { Vesting { amount, start: now, blocks } };
		Ok(())
	}
}

/// Scale of a root claim pool's alpha per share (`RootClaimPool::per_share`).
pub const CLAIM_SCALE: u128 = 1 << 96;

/// How much a claim pool's alpha per share rises when `alpha` is paid to `shares` shares:
/// `floor(alpha · 2^96 / shares)`; `None` for no shares or a figure beyond `u128`.
pub fn claim_per_share(alpha: u64, shares: u128) -> Option<u128> {
	if shares == 0 {
		return None;
	}
	wide::mul_div_floor(u128::from(alpha), CLAIM_SCALE, shares)
}

/// What `shares` earned while a claim pool's alpha per share rose from `snapshot` to `per_share`:
/// `floor(shares · (per_share − snapshot) / 2^96)`, so the holders' claims never add up to more
/// than was paid.
pub fn claim_accrued(shares: u128, per_share: u128, snapshot: u128) -> u64 {
	let v = wide::mul_div_floor(shares, per_share.saturating_sub(snapshot), CLAIM_SCALE).unwrap_or(0);
	u64::try_from(v).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn deposit_credit_withdraw() {
		let mut p = SharePool::default();
		let a = p.deposit(1_000).unwrap();
		assert_eq!(a, 1_000 * SHARE_SCALE);
		let b = p.deposit(3_000).unwrap();
		assert_eq!(b, 3_000 * SHARE_SCALE);
		p.credit(400).unwrap();
		assert_eq!(p.alpha, 4_400);
		assert_eq!(p.value(a), 1_100);
		assert_eq!(p.value(b), 3_300);
		// A third holder deposits at the new rate: 1_100 alpha buys 1_000 · SCALE shares.
		let c = p.deposit(1_100).unwrap();
		assert_eq!(c, 1_000 * SHARE_SCALE);
		assert_eq!(p.value(c), 1_100);
		let (burned, removed) = p.withdraw(a, 550).unwrap();
		assert_eq!((burned, removed), (500 * SHARE_SCALE, 550));
		assert_eq!(p.value(a - burned), 550);
		assert_eq!(p.withdraw(b, 3_301), Err(MathError::NotEnoughStake));
	}

	#[test]
	fn last_holder_takes_everything() {
		let mut p = SharePool::default();
		let a = p.deposit(10).unwrap();
		p.credit(5).unwrap();
		let (burned, removed) = p.withdraw(a, 15).unwrap();
		assert_eq!((burned, removed), (a, 15));
		assert_eq!(p, SharePool::default());
		assert_eq!(p.credit(1), Err(MathError::ZeroOutput));
		assert_eq!(p.deposit(0), Err(MathError::ZeroOutput));
	}

	#[test]
	fn vesting_releases_linearly_and_merges() {
		let mut v = Vesting::default();
		assert_eq!(v.unreleased(5), 0);
		v.add(1_000, 10, 4).unwrap();
		assert_eq!([9, 10, 11, 12, 13, 14, 99].map(|b| v.unreleased(b)), [1_000, 1_000, 750, 500, 250, 0, 0]);
		// 7 over 3 blocks: released 2, 4, 7.
		let mut w = Vesting::default();
		w.add(7, 0, 3).unwrap();
		assert_eq!([1, 2, 3].map(|b| w.unreleased(b)), [5, 3, 0]);
		// A second payment at block 12 merges the 500 still held with it.
		v.add(100, 12, 4).unwrap();
		assert_eq!(v, Vesting { amount: 600, start: 12, blocks: 4 });
		assert_eq!(v.unreleased(14), 300);
		v.add(5, 20, 0).unwrap();
		assert_eq!(v, Vesting::default());
		assert_eq!(Vesting { amount: u64::MAX, start: 0, blocks: 2 }.add(1, 0, 2), Err(MathError::Overflow));
	}

	#[test]
	fn claims_add_up_to_at_most_what_was_paid() {
		// Two holders of 1 and 2 TAO of root shares; 1_000 alpha paid, then 1 more.
		let (a, b) = (1_000_000_000 * SHARE_SCALE, 2_000_000_000 * SHARE_SCALE);
		let per = claim_per_share(1_000, a + b).unwrap();
		assert_eq!((claim_accrued(a, per, 0), claim_accrued(b, per, 0)), (333, 666));
		let per2 = per + claim_per_share(1, a + b).unwrap();
		assert_eq!(claim_accrued(b, per2, per), 0);
		assert_eq!(claim_accrued(b, per2, 0), 667, "two thirds of 1_001");
		assert_eq!(claim_per_share(5, 0), None);
		assert_eq!(claim_accrued(a, per, per2), 0, "a snapshot above the figure earns nothing");
	}
}
