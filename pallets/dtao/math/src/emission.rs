//! The block emission curve with halvings (docs/mechanism.md §6.1), in exact integers.

/// 21 million TAO (or alpha), in rao.
pub const SUPPLY_CAP: u64 = 21_000_000 * 1_000_000_000;

/// `E(I)`: 0 at or above the cap; otherwise `floor(base / 2^k)` where `k` is the number of `j ≥ 1`
/// with `I · 2^j ≥ S · (2^j − 1)`, i.e. with `2^j · (S − I) ≤ S`.
#[inline]
pub fn block_emission(issuance: u64, base: u64) -> u64 {
	if issuance >= SUPPLY_CAP {
		return 0;
	}
	let gap = u128::from(SUPPLY_CAP.saturating_sub(issuance));
	let cap = u128::from(SUPPLY_CAP);
	// gap ≥ 1 and cap < 2^55, so k ≤ 55 and the shifted gap never overflows u128.
	let mut k: u32 = 0;
	while k < 64 && gap.checked_shl(k.saturating_add(1)).is_some_and(|g| g <= cap) {
		k = k.saturating_add(1);
	}
	base.checked_shr(k).unwrap_or(0)
}

#[cfg(test)]
mod tests {
	use super::*;

	const TAO: u64 = 1_000_000_000;

	#[test]
	fn worked_examples() {
		assert_eq!(block_emission(0, TAO), 1_000_000_000);
		assert_eq!(block_emission(10_500_000 * TAO, TAO), 500_000_000);
		assert_eq!(block_emission(10_500_000 * TAO - 1, TAO), 1_000_000_000);
		assert_eq!(block_emission(15_750_000 * TAO, TAO), 250_000_000);
		assert_eq!(block_emission(15_800_000 * TAO, TAO), 250_000_000);
		assert_eq!(block_emission(18_375_000 * TAO, TAO), 125_000_000);
		assert_eq!(block_emission(20_999_999 * TAO, TAO), 59);
		assert_eq!(block_emission(SUPPLY_CAP - 1, TAO), 0);
		assert_eq!(block_emission(SUPPLY_CAP, TAO), 0);
		assert_eq!(block_emission(u64::MAX, TAO), 0);
	}
}
