//! Stateful property test: seeded random sequences of every call, valid and invalid, interleaved
//! with blocks and epochs. After every step:
//! - every invariant of docs/mechanism.md §8 (`do_try_state`);
//! - `Balances::total_issuance` changed by exactly the TAO the coinbase minted minus the named burns
//!   (dissolution's `burned`, `burned_register`'s burn);
//! - a failed call left the storage root unchanged.
//!
//! `DTAO_HARNESS_STEPS` (default 10_000) and `DTAO_HARNESS_SEED` (default 0xD7A0) choose the run;
//! a failure prints the seed and step, so `DTAO_HARNESS_SEED=<seed> DTAO_HARNESS_STEPS=<n>`
//! replays it.

use crate::{mock::*, pallet::*, params::defaults::TAO, ROOT_NETUID};
use std::collections::BTreeMap;
use polkadot_sdk::{
	sp_io,
	sp_runtime::{traits::Dispatchable, DispatchError, Perbill, StateVersion},
};

/// SplitMix64: small, fast and reproducible.
pub struct Rng(u64);

impl Rng {
	pub fn new(seed: u64) -> Self {
		Rng(seed)
	}
	pub fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}
	/// Uniform in `0..n` (0 if `n` is 0).
	pub fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next() % n
		}
	}
	pub fn chance(&mut self, per_mille: u64) -> bool {
		self.below(1000) < per_mille
	}
	pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u64) as usize]
	}
}

/// Coldkeys: four funded, one empty.
const COLDKEYS: [AccountId; 5] = [ALICE, BOB, CHARLIE, DAVE, 5];
/// Hotkeys: two per funded coldkey (whoever registers first owns them) and one never registered.
const HOTKEYS: [AccountId; 9] = [ALICE_HOT, BOB_HOT, CHARLIE_HOT, DAVE_HOT, 201, 202, 203, 204, 999];

fn netuid(rng: &mut Rng) -> u16 {
	let mut known: Vec<u16> = Pools::<Test>::iter_keys().collect();
	known.push(ROOT_NETUID);
	match rng.below(12) {
		0 => ROOT_NETUID,
		1 => known.iter().max().copied().unwrap_or(0).saturating_add(1 + rng.below(3) as u16),
		2 if rng.chance(100) => u16::MAX,
		_ if known.len() > 1 => rng.pick(&known[..known.len() - 1]),
		_ => rng.pick(&known),
	}
}

fn tao_amount(rng: &mut Rng) -> u64 {
	match rng.below(12) {
		0 => 0,
		1 => 1,
		2 => MinStake::<Test>::get().saturating_sub(1),
		3 => MinStake::<Test>::get(),
		4 => u64::MAX,
		5 => INITIAL_BALANCE,
		6 | 7 => 1 + rng.below(10 * TAO),
		8 | 9 => 1 + rng.below(1_000 * TAO),
		_ => 1 + rng.below(50_000 * TAO),
	}
}

fn alpha_amount(rng: &mut Rng, coldkey: AccountId, hotkey: AccountId, netuid: u16) -> u64 {
	let stake = Dtao::stake_value(&hotkey, &coldkey, netuid);
	match rng.below(10) {
		0 => 0,
		1 => 1,
		2 => u64::MAX,
		3 | 4 => stake,
		5 => stake.saturating_add(1),
		6 | 7 => stake / (2 + rng.below(8)),
		_ => 1 + rng.below(stake.max(1_000 * TAO)),
	}
}

fn limit_price(rng: &mut Rng, netuid: u16) -> u64 {
	let spot = Dtao::market(netuid).map(|m| m.price()).unwrap_or(TAO);
	match rng.below(9) {
		0 => 0,
		1 => u64::MAX,
		2 => spot,
		3 => spot.saturating_sub(1),
		4 => spot.saturating_add(1),
		5 => spot / 2,
		6 => spot.saturating_mul(2),
		_ => spot / 10 * (5 + rng.below(15)),
	}
}

fn perbill(rng: &mut Rng) -> Perbill {
	match rng.below(5) {
		0 => Perbill::zero(),
		1 => Perbill::one(),
		_ => Perbill::from_parts(rng.below(1_000_000_001) as u32),
	}
}

/// Half the time, a stake position `coldkey` actually holds: `(hotkey, netuid)`.
fn position(rng: &mut Rng, coldkey: AccountId) -> Option<(AccountId, u16)> {
	if rng.chance(500) {
		return None;
	}
	let held: Vec<(AccountId, u16)> =
		StakeShares::<Test>::iter_keys().filter(|(_, _, c)| *c == coldkey).map(|(n, h, _)| (h, n)).collect();
	if held.is_empty() {
		None
	} else {
		Some(held[rng.below(held.len() as u64) as usize])
	}
}

/// A subnet other than `not`, preferring registered ones.
fn other_netuid(rng: &mut Rng, not: u16) -> u16 {
	if rng.chance(100) {
		return not;
	}
	let others: Vec<u16> = core::iter::once(ROOT_NETUID).chain(Pools::<Test>::iter_keys()).filter(|n| *n != not).collect();
	if others.is_empty() || rng.chance(100) {
		netuid(rng)
	} else {
		others[rng.below(others.len() as u64) as usize]
	}
}

/// One random call and its origin. `None` origin means root.
fn random_call(rng: &mut Rng) -> (Option<AccountId>, RuntimeCall, &'static str) {
	use crate::pallet::Call as C;
	let c = rng.pick(&COLDKEYS);
	let (h, n) = position(rng, c).unwrap_or_else(|| (rng.pick(&HOTKEYS), netuid(rng)));
	let signed_or_root = |rng: &mut Rng| if rng.chance(950) { None } else { Some(c) };
	let (origin, call, name) = match rng.below(112) {
		0..=4 => {
			// Mostly a hotkey nobody owns yet, so that registrations keep happening.
			let hotkey = if rng.chance(700) { 1_000 + rng.below(10_000) } else { h };
			(Some(c), C::register_network { hotkey }, "register_network")
		},
		5..=7 => {
			let owner = if rng.chance(800) { SubnetOwner::<Test>::get(n).unwrap_or(c) } else { c };
			(Some(owner), C::start_call { netuid: n }, "start_call")
		},
		8..=9 => (signed_or_root(rng), C::dissolve_network { netuid: n }, "dissolve_network"),
		10..=15 => {
			let hotkey = if rng.chance(300) { 1_000 + rng.below(10_000) } else { h };
			(Some(c), C::burned_register { netuid: n, hotkey }, "burned_register")
		},
		16..=20 => {
			// Mostly a validator that may set weights (stored permit or the owner's hotkey), so that
			// validators keep setting and changing weights and Yuma has something to decide.
			let neurons: Vec<(u16, u16, AccountId)> = Neurons::<Test>::iter().collect();
			let validators: Vec<(u16, u16, AccountId)> =
				neurons.iter().copied().filter(|(n, uid, hk)| Dtao::has_validator_permit(*n, *uid, hk)).collect();
			let pool = if !validators.is_empty() && rng.chance(800) { &validators } else { &neurons };
			let (h, n) = match pool.is_empty() || rng.chance(50) {
				false => {
					let (n, _, hk) = pool[rng.below(pool.len() as u64) as usize];
					(hk, n)
				},
				true => (h, n),
			};
			let count = NeuronCount::<Test>::get(n).max(1);
			let len = if rng.chance(50) { 0 } else { 1 + rng.below(4) as usize };
			// Mostly distinct registered uids; sometimes one past the last, sometimes a repeat.
			let mut uids: Vec<u16> = Vec::new();
			for _ in 0..len {
				let uid = if rng.chance(50) { count } else { rng.below(u64::from(count)) as u16 };
				if !uids.contains(&uid) || rng.chance(50) {
					uids.push(uid);
				}
			}
			let weights: Vec<u16> = (0..uids.len()).map(|_| if rng.chance(200) { 0 } else { rng.below(65_536) as u16 }).collect();
			(Some(h), C::set_weights { netuid: n, uids: bounded(uids), weights: bounded(weights) }, "set_weights")
		},
		21..=22 => (Some(c), C::set_take { hotkey: h, take: perbill(rng) }, "set_take"),
		23..=37 => (Some(c), C::add_stake { hotkey: h, netuid: n, amount: tao_amount(rng) }, "add_stake"),
		38..=47 => {
			let amount = alpha_amount(rng, c, h, n);
			(Some(c), C::remove_stake { hotkey: h, netuid: n, amount }, "remove_stake")
		},
		48..=54 => {
			let (amount, limit_price, allow_partial) = (tao_amount(rng), limit_price(rng, n), rng.chance(500));
			(Some(c), C::add_stake_limit { hotkey: h, netuid: n, amount, limit_price, allow_partial }, "add_stake_limit")
		},
		55..=60 => {
			let (amount, limit_price, allow_partial) = (alpha_amount(rng, c, h, n), limit_price(rng, n), rng.chance(500));
			(Some(c), C::remove_stake_limit { hotkey: h, netuid: n, amount, limit_price, allow_partial }, "remove_stake_limit")
		},
		61..=64 => {
			let (dh, dn) = (if rng.chance(500) { h } else { rng.pick(&HOTKEYS) }, if rng.chance(200) { n } else { other_netuid(rng, n) });
			let amount = alpha_amount(rng, c, h, n);
			let call = C::move_stake {
				origin_hotkey: h,
				destination_hotkey: dh,
				origin_netuid: n,
				destination_netuid: dn,
				amount,
			};
			(Some(c), call, "move_stake")
		},
		65..=66 => {
			let (dh, dn) = (if rng.chance(500) { h } else { rng.pick(&HOTKEYS) }, if rng.chance(200) { n } else { other_netuid(rng, n) });
			let amount = alpha_amount(rng, c, h, n);
			let (limit_price, allow_partial) = (rng.below(3 * TAO), rng.chance(500));
			let call = C::move_stake_limit {
				origin_hotkey: h,
				destination_hotkey: dh,
				origin_netuid: n,
				destination_netuid: dn,
				amount,
				limit_price,
				allow_partial,
			};
			(Some(c), call, "move_stake_limit")
		},
		67..=72 => {
			let dn = other_netuid(rng, n);
			let amount = alpha_amount(rng, c, h, n);
			(Some(c), C::swap_stake { hotkey: h, origin_netuid: n, destination_netuid: dn, amount }, "swap_stake")
		},
		73..=77 => {
			let dn = other_netuid(rng, n);
			let amount = alpha_amount(rng, c, h, n);
			let (limit_price, allow_partial) = (rng.below(3 * TAO), rng.chance(500));
			let call = C::swap_stake_limit {
				hotkey: h,
				origin_netuid: n,
				destination_netuid: dn,
				amount,
				limit_price,
				allow_partial,
			};
			(Some(c), call, "swap_stake_limit")
		},
		78..=81 => {
			let dn = if rng.chance(300) { n } else { other_netuid(rng, n) };
			let amount = alpha_amount(rng, c, h, n);
			let call = C::transfer_stake {
				destination_coldkey: rng.pick(&COLDKEYS),
				hotkey: h,
				origin_netuid: n,
				destination_netuid: dn,
				amount,
			};
			(Some(c), call, "transfer_stake")
		},
		82..=83 => {
			let dn = if rng.chance(300) { n } else { other_netuid(rng, n) };
			let amount = alpha_amount(rng, c, h, n);
			let (limit_price, allow_partial) = (rng.below(3 * TAO), rng.chance(500));
			let call = C::transfer_stake_limit {
				destination_coldkey: rng.pick(&COLDKEYS),
				hotkey: h,
				origin_netuid: n,
				destination_netuid: dn,
				amount,
				limit_price,
				allow_partial,
			};
			(Some(c), call, "transfer_stake_limit")
		},
		84..=87 => (Some(c), C::unstake_all { hotkey: h }, "unstake_all"),
		88..=89 => (signed_or_root(rng), C::set_subnet_limit { value: rng.below(7) as u16 }, "set_subnet_limit"),
		90 => (signed_or_root(rng), C::set_network_immunity_period { value: rng.below(60) }, "set_network_immunity_period"),
		91 => (signed_or_root(rng), C::set_swap_fee { value: perbill(rng) }, "set_swap_fee"),
		92 => (signed_or_root(rng), C::set_tempo { netuid: n, value: rng.below(12) as u16 }, "set_tempo"),
		93 => (signed_or_root(rng), C::set_max_validators { netuid: n, value: rng.below(5) as u16 }, "set_max_validators"),
		94 => (signed_or_root(rng), C::set_tao_weight { value: perbill(rng) }, "set_tao_weight"),
		95 => (signed_or_root(rng), C::set_min_stake { value: rng.pick(&[0, 1, 500_000, TAO]) }, "set_min_stake"),
		96 => (signed_or_root(rng), C::set_burn { netuid: n, value: rng.pick(&[0, 1, TAO, u64::MAX]) }, "set_burn"),
		97 => (signed_or_root(rng), C::set_max_neurons { netuid: n, value: rng.below(6) as u16 }, "set_max_neurons"),
		98 => (signed_or_root(rng), C::set_owner_cut { value: perbill(rng) }, "set_owner_cut"),
		99 => (signed_or_root(rng), C::set_min_pool_reserve { value: rng.pick(&[0, 1, 1_000, TAO]) }, "set_min_pool_reserve"),
		// Yuma hyperparameters, by root, the subnet's owner or someone else.
		100..=103 => {
			let origin = match rng.below(3) {
				0 => None,
				1 => Some(SubnetOwner::<Test>::get(n).unwrap_or(c)),
				_ => Some(c),
			};
			match rng.below(4) {
				0 => (origin, C::set_kappa { netuid: n, value: rng.pick(&[0, 16_384, 32_767, 50_000, 65_535]) as u16 }, "set_kappa"),
				1 => {
					let value = rng.pick(&[0, 500_000, 900_000, 975_000, 999_999, 1_000_000, 1_000_001]);
					(origin, C::set_bonds_moving_average { netuid: n, value }, "set_bonds_moving_average")
				},
				2 => (origin, C::set_bonds_penalty { netuid: n, value: rng.pick(&[0, 1, 32_768, 65_535]) as u16 }, "set_bonds_penalty"),
				_ => {
					let value = rng.pick(&[0, 999, 1_000, 13_889, 50_000, 50_001]) as u32;
					(origin, C::set_activity_cutoff_factor_milli { netuid: n, value }, "set_activity_cutoff_factor_milli")
				},
			}
		},
		// Emission-share policies and the flow EMA's half-life, valid or not, by root or someone else.
		104..=105 => {
			if rng.chance(300) {
				let value = rng.pick(&[0, 1, 10, 7_200, 216_000, 100_000_001]);
				return (signed_or_root(rng), RuntimeCall::Dtao(C::set_flow_half_life { value }), "set_flow_half_life");
			}
			let rule = if rng.chance(500) {
				crate::ShareRule::MovingPrice
			} else {
				let cutoff = -(rng.pick(&[0, 1, TAO, 100 * TAO]) as i64) + i64::from(rng.chance(50));
				crate::ShareRule::TaoFlow { cutoff, exponent_milli: rng.pick(&[0, 1, 500, 1_000, 2_000, 10_000, 10_001]) as u32 }
			};
			let gate = rng.chance(400).then(|| crate::ShareGate { quantile: perbill(rng), exponent: rng.below(18) as u8 });
			let policy = crate::EmissionSharePolicy { rule, gate };
			(signed_or_root(rng), C::set_emission_share_policy { policy }, "set_emission_share_policy")
		},
		// When dividends reach the holders: at the epoch or over the next tempo.
		106 => {
			let accrual = if rng.chance(500) { crate::DividendAccrual::AtEpoch } else { crate::DividendAccrual::OverTempo };
			(signed_or_root(rng), C::set_dividend_accrual { accrual }, "set_dividend_accrual")
		},
		// Root's alpha sold every block, with or without the sell gate.
		107 => {
			let mode = match rng.below(3) {
				0 => crate::RootDividendMode::SellPerBlock { sell_gate: false },
				1 => crate::RootDividendMode::SellPerBlock { sell_gate: true },
				_ => crate::RootDividendMode::KeepAlpha,
			};
			(signed_or_root(rng), C::set_root_dividend_mode { mode }, "set_root_dividend_mode")
		},
		// A claim of root's kept alpha: mostly through a hotkey with a claim pool.
		108..=111 => {
			let pools: Vec<(AccountId, u16)> =
				RootClaimPools::<Test>::iter().flat_map(|(h, c)| c.pools.into_iter().map(move |p| (h, p.netuid))).collect();
			let (hotkey, netuid) = if pools.is_empty() || rng.chance(200) { (h, n) } else { rng.pick(&pools) };
			// Mostly by one of the hotkey's root stakers.
			let stakers: Vec<AccountId> = StakeShares::<Test>::iter_key_prefix((0u16, hotkey)).collect();
			let coldkey = if stakers.is_empty() || rng.chance(300) { c } else { rng.pick(&stakers) };
			(Some(coldkey), C::claim_root { hotkey, netuid }, "claim_root")
		},
		_ => unreachable!("below(112)"),
	};
	(origin, RuntimeCall::Dtao(call), name)
}

fn storage_root() -> Vec<u8> {
	sp_io::storage::root(StateVersion::V1)
}

/// TAO the last block's coinbase minted: the `tao_in` of every started subnet.
fn minted_last_block() -> u128 {
	Pools::<Test>::iter_values().filter(|p| p.started_at.is_some()).map(|p| u128::from(p.last.tao_in)).sum()
}

fn dissolution_burns() -> u128 {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Dtao(Event::NetworkDissolved { burned, .. }) => Some(u128::from(burned)),
			_ => None,
		})
		.sum()
}

/// A dispatch error by name: the module error's variant, or `BadOrigin` and the like.
pub fn error_name(e: DispatchError) -> String {
	match e {
		DispatchError::Module(m) => m.message.unwrap_or("?").to_string(),
		other => format!("{other:?}"),
	}
}

/// What a run saw: outcomes per call (`"ok"` or the error's name) and the steps of each kind.
#[derive(Default, Debug)]
pub struct Report {
	pub outcomes: BTreeMap<(&'static str, String), u64>,
	pub blocks: u64,
	pub epochs: u64,
	/// Epochs whose Yuma incentive paid miners (some validator's weights reached consensus).
	pub epochs_paying_miners: u64,
	pub dissolutions: u64,
	/// Blocks that ended a dissolution settled over several blocks.
	pub staged_dissolutions: u64,
	/// Registrations that pruned a subnet to take its netuid.
	pub prunings: u64,
	/// Dissolutions that settled root's claim pools (`RootClaimsSettled`), and claims paid in TAO
	/// from settled pools (`RootClaimedTao`).
	pub claims_settled: u64,
	pub claims_in_tao: u64,
	/// Batch snipes tried (a large root stake, a registration that prunes, an `unstake_all`, in
	/// one block under `OverTempo`), and those whose registration pruned a subnet.
	pub snipes: u64,
	pub snipes_pruning: u64,
}

/// Count the claim events of the last call or block.
fn count_claim_events(report: &mut Report) {
	for r in System::events() {
		match r.event {
			RuntimeEvent::Dtao(Event::RootClaimsSettled { .. }) => report.claims_settled += 1,
			RuntimeEvent::Dtao(Event::RootClaimedTao { .. }) => report.claims_in_tao += 1,
			_ => {},
		}
	}
}

/// The sniper of `batch_snipe`: a coldkey of its own, funded at genesis.
const SNIPER: AccountId = 777;

/// The batch snipe of a pruning, under `OverTempo`: `SNIPER` stakes 100,000 TAO on root through
/// a hotkey other root stakers hold, registers a subnet (which prunes one when the limit is
/// reached) and unstakes everything, all in one block. It must earn nothing: its free balance
/// comes back less the lock at most, and it has no claim on any claim pool of the hotkey.
fn batch_snipe(rng: &mut Rng, report: &mut Report, at: &dyn Fn(&str) -> String) {
	if DividendAccrualMode::<Test>::get() != crate::DividendAccrual::OverTempo {
		return;
	}
	let candidates: Vec<AccountId> =
		RootClaimPools::<Test>::iter_keys().filter(|h| HotkeyStake::<Test>::get(0, h).is_some_and(|p| p.shares > 0)).collect();
	if candidates.is_empty() || StakeIndex::<Test>::iter_prefix((SNIPER,)).next().is_some() {
		return;
	}
	// Only when a registration would prune a subnet.
	if !matches!(Dtao::netuid_for_registration(), Ok((_, true))) {
		return;
	}
	let hotkey = rng.pick(&candidates);
	report.snipes += 1;
	let issuance = u128::from(Balances::total_issuance());
	let before = Balances::free_balance(SNIPER);
	let owned: Vec<u16> = SubnetOwner::<Test>::iter().filter(|(_, o)| *o == SNIPER).map(|(n, _)| n).collect();
	let lock = Dtao::network_registration_cost();
	if Dtao::add_stake(RuntimeOrigin::signed(SNIPER), hotkey, 0, 100_000 * TAO).is_err() {
		return;
	}
	System::reset_events();
	let registered = Dtao::register_network(RuntimeOrigin::signed(SNIPER), 20_000 + rng.below(10_000)).is_ok();
	let pruned = System::events()
		.iter()
		.any(|r| matches!(r.event, RuntimeEvent::Dtao(Event::NetworkDissolved { .. } | Event::DissolutionStarted { .. })));
	if pruned {
		report.snipes_pruning += 1;
		report.prunings += 1;
	}
	count_claim_events(report);
	// What the pruning burned (the pool's part), the only change of issuance.
	let burned = dissolution_burns();
	assert!(Dtao::unstake_all(RuntimeOrigin::signed(SNIPER), hotkey).is_ok(), "{}", at("the sniper unstakes"));
	assert_eq!(u128::from(Balances::total_issuance()) + burned, issuance, "{}", at("issuance after a batch snipe"));
	let paid = if registered { lock } else { 0 };
	// A subnet the sniper registered in an earlier snipe may be the one pruned: its lock comes back
	// to its owner, which is no gain of the snipe (the sniper holds no stake, so nothing else of it).
	let refunded: u64 = System::events()
		.iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Dtao(Event::NetworkDissolved { netuid, refunded_to_owner, .. }) if owned.contains(&netuid) => Some(refunded_to_owner),
			_ => None,
		})
		.sum();
	assert!(Balances::free_balance(SNIPER) + paid <= before + refunded, "{}", at("a batch snipe earned something"));
	let pools = RootClaimPools::<Test>::get(hotkey).map(|c| c.pools.into_inner()).unwrap_or_default();
	for pool in pools {
		assert_eq!(Dtao::root_claim_due(&SNIPER, &hotkey, &pool), 0, "{}", at("the sniper has a claim"));
	}
	// Its subnet stays (another registration may prune it).
	if let Err(e) = Dtao::do_try_state() {
		panic!("{}", at(&format!("invariant broken after a batch snipe: {e:?}")));
	}
}

/// Advance one block, returning the TAO it minted and the TAO it burned (the pool's part of a
/// dissolution whose settlement ended in it); checks the invariants.
fn next_block(report: &mut Report) -> (u128, u128) {
	System::reset_events();
	run_to_block(System::block_number() + 1);
	report.blocks += 1;
	// What the block burned: the pool's part of a dissolution whose settlement ended in it.
	let burned = dissolution_burns();
	for r in System::events() {
		match r.event {
			RuntimeEvent::Dtao(Event::EpochDrained { miner_alpha, .. }) => {
				report.epochs += 1;
				if miner_alpha > 0 {
					report.epochs_paying_miners += 1;
				}
			},
			RuntimeEvent::Dtao(Event::NetworkDissolved { .. }) => report.staged_dissolutions += 1,
			_ => {},
		}
	}
	(minted_last_block(), burned)
}

/// Run `steps` random steps from `seed` on a fresh mock chain.
pub fn run(seed: u64, steps: u64) -> Report {
	let mut report = Report::default();
	let mut builder = ExtBuilder::default()
		.min_lock(10 * TAO)
		.rate_limit(0)
		.start_delay(0)
		.subnet_limit(4)
		.immunity(20)
		.tempo(5)
		.balance(SNIPER, INITIAL_BALANCE);
	// The lock cost doubles with each registration; a short decay keeps registrations affordable.
	builder.genesis.network_lock_reduction_interval = 200;
	let mut ext = builder.build();
	let mut rng = Rng::new(seed);
	let mut step = 0;
	while step < steps {
		let end = steps.min(step + 100);
		ext.execute_with(|| {
			for s in step..end {
				one_step(&mut rng, &mut report, seed, s);
			}
		});
		// Committing keeps the overlay, and so each storage-root computation, small.
		ext.commit_all().expect("commit");
		step = end;
	}
	ext.execute_with(check_invariants);
	report
}

fn one_step(rng: &mut Rng, report: &mut Report, seed: u64, step: u64) {
	let issuance_before = u128::from(Balances::total_issuance());
	let at = |what: &str| format!("seed {seed:#x}, step {step}: {what}");
	if rng.chance(250) {
		// Blocks: usually one, sometimes up to the next epoch, sometimes past immunity.
		let count = match rng.below(20) {
			0 => 20 + rng.below(40),
			1..=4 => 1 + rng.below(6),
			_ => 1,
		};
		let (mut minted, mut burned) = (0u128, 0u128);
		for _ in 0..count {
			let (m, b) = next_block(report);
			minted += m;
			burned += b;
		}
		assert_eq!(u128::from(Balances::total_issuance()) + burned, issuance_before + minted, "{}", at("issuance after blocks"));
		return;
	}
	if rng.chance(30) {
		batch_snipe(rng, report, &at);
		return;
	}
	let (origin, call, name) = random_call(rng);
	let burn = match &call {
		RuntimeCall::Dtao(Call::burned_register { netuid, .. }) => u128::from(Burn::<Test>::get(*netuid)),
		_ => 0,
	};
	System::reset_events();
	let root_before = storage_root();
	let origin = match origin {
		Some(who) => RuntimeOrigin::signed(who),
		None => RuntimeOrigin::root(),
	};
	match call.clone().dispatch(origin) {
		Ok(_) => {
			*report.outcomes.entry((name, "ok".into())).or_default() += 1;
			count_claim_events(report);
			let burned = dissolution_burns() + burn;
			let dissolved = System::events()
				.iter()
				.any(|r| matches!(r.event, RuntimeEvent::Dtao(Event::NetworkDissolved { .. } | Event::DissolutionStarted { .. })));
			match call {
				RuntimeCall::Dtao(Call::dissolve_network { .. }) => report.dissolutions += 1,
				RuntimeCall::Dtao(Call::register_network { .. }) if dissolved => report.prunings += 1,
				_ => {},
			}
			assert_eq!(
				u128::from(Balances::total_issuance()) + burned,
				issuance_before,
				"{}",
				at(&format!("issuance after {call:?}"))
			);
		},
		Err(e) => {
			*report.outcomes.entry((name, error_name(e.error))).or_default() += 1;
			assert_eq!(storage_root(), root_before, "{}", at(&format!("failed {call:?} changed storage")));
		},
	}
	if let Err(e) = Dtao::do_try_state() {
		panic!("{}", at(&format!("invariant broken after {call:?}: {e:?}")));
	}
}

fn env_u64(name: &str, default: u64) -> u64 {
	std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn random_calls_and_blocks_keep_every_invariant() {
	let steps = env_u64("DTAO_HARNESS_STEPS", 10_000);
	let seed = std::env::var("DTAO_HARNESS_SEED")
		.ok()
		.and_then(|v| u64::from_str_radix(v.trim_start_matches("0x"), 16).ok())
		.unwrap_or(0xD7A0);
	let report = run(seed, steps);
	let ok: u64 = report.outcomes.iter().filter(|((_, o), _)| o == "ok").map(|(_, n)| n).sum();
	let failed: u64 = report.outcomes.iter().filter(|((_, o), _)| o != "ok").map(|(_, n)| n).sum();
	println!(
		"seed {seed:#x}: {steps} steps, {ok} calls succeeded, {failed} failed, {} blocks, {} epochs ({} paying miners), {} dissolutions, {} prunings, {} settled over several blocks",
		report.blocks, report.epochs, report.epochs_paying_miners, report.dissolutions, report.prunings, report.staged_dissolutions
	);
	println!(
		"  claim pools settled by a dissolution {}, claims paid in TAO {}, batch snipes {} ({} pruning)",
		report.claims_settled, report.claims_in_tao, report.snipes, report.snipes_pruning
	);
	for ((call, outcome), n) in &report.outcomes {
		println!("  {call:<28} {outcome:<32} {n}");
	}
	// The run must exercise the mechanism, not only its error paths.
	assert!(report.blocks > 0 && report.epochs > 0, "no blocks or epochs ran");
	if steps >= 5_000 {
		assert!(report.prunings > 0 && report.dissolutions > 0, "no pruning or dissolution happened");
		assert!(report.staged_dissolutions > 0, "no dissolution was settled over several blocks");
		assert!(report.claims_settled > 0 && report.claims_in_tao > 0, "no claim pool was settled, or none claimed in TAO");
		assert!(report.snipes_pruning > 0, "no batch snipe pruned a subnet");
		let immune = report.outcomes.get(&("register_network", "SubnetLimitReached".to_string())).copied().unwrap_or(0);
		assert!(immune > 0, "registration never met a full, immune subnet set");
	}
	if steps >= 5_000 {
		assert!(report.epochs_paying_miners > 0, "no epoch paid miners: Yuma never found consensus");
	}
	for call in ["register_network", "add_stake", "remove_stake", "move_stake", "move_stake_limit", "swap_stake", "transfer_stake", "transfer_stake_limit", "set_weights", "set_emission_share_policy", "set_dividend_accrual", "set_root_dividend_mode", "claim_root"] {
		assert!(
			report.outcomes.get(&(call, "ok".to_string())).copied().unwrap_or(0) > 0 || steps < 1_000,
			"{call} never succeeded in {steps} steps"
		);
	}
}
