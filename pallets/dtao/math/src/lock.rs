//! Network registration lock cost (docs/mechanism.md §5.1).

/// The lock cost at a block `blocks_since_last` blocks after the last registration.
///
/// ```text
/// mult  = 1 if no network was ever registered else 2
/// decay = (last_lock / reduction_interval) · blocks_since_last      (integer division first)
/// cost  = max(min_lock, last_lock · mult − decay)                   (saturating)
/// ```
/// A `reduction_interval` of 0 means no decay.
pub fn lock_cost(last_lock: u64, ever_registered: bool, min_lock: u64, reduction_interval: u64, blocks_since_last: u64) -> u64 {
	let mult: u64 = if ever_registered { 2 } else { 1 };
	let decay = last_lock.checked_div(reduction_interval).unwrap_or(0).saturating_mul(blocks_since_last);
	last_lock.saturating_mul(mult).saturating_sub(decay).max(min_lock)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn worked_examples() {
		let (min, last, interval) = (1_000_000_000, 1_000_000_000_000, 100_800);
		assert_eq!(lock_cost(last, true, min, interval, 0), 2_000_000_000_000);
		assert_eq!(lock_cost(last, true, min, interval, 50_400), 1_500_000_046_400);
		assert_eq!(lock_cost(last, true, min, interval, 201_600), 1_000_000_000);
	}

	#[test]
	fn first_registration_and_edges() {
		assert_eq!(lock_cost(0, false, 7, 100, 0), 7);
		assert_eq!(lock_cost(50, false, 7, 100, 0), 50);
		assert_eq!(lock_cost(50, true, 7, 0, 1_000), 100);
		assert_eq!(lock_cost(u64::MAX, true, 7, 1, u64::MAX), 7);
		assert_eq!(lock_cost(u64::MAX, true, 7, u64::MAX, 0), u64::MAX);
	}
}
