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
}
