//! What happens to root's share of the validators' alpha (`RootDividends`, docs/mechanism.md
//! §6.2 step 7, §6.7): sold every block, or, with the sell gate, recycled while the started
//! subnets' moving prices add up to at most 1.
use crate::{mock::*, pallet::*, params::defaults::TAO, Event as DtaoEvent, RootDividendMode, SubnetPool};
use dtao_math::substrate_fixed::types::U64F64;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_runtime::DispatchError,
};

const GATED: RootDividendMode = RootDividendMode::SellPerBlock { sell_gate: true };
const UNGATED: RootDividendMode = RootDividendMode::SellPerBlock { sell_gate: false };

fn pool(netuid: u16) -> SubnetPool {
	Pools::<Test>::get(netuid).expect("pool exists")
}

/// Two started subnets, root stake on Alice's hotkey (so root has a proportion), and the moving
/// prices set to `m1` and `m2`.
fn two_subnets_with_root_stake(m1: f64, m2: f64) {
	for (who, hot) in [(ALICE, ALICE_HOT), (BOB, BOB_HOT)] {
		assert_ok!(Dtao::register_network(RuntimeOrigin::signed(who), hot));
		let netuid = Pools::<Test>::iter_keys().max().expect("a subnet");
		assert_ok!(Dtao::start_call(RuntimeOrigin::signed(who), netuid));
	}
	assert_ok!(Dtao::add_stake(RuntimeOrigin::signed(CHARLIE), ALICE_HOT, 0, 1_000 * TAO));
	set_moving(m1, m2);
}

fn set_moving(m1: f64, m2: f64) {
	for (netuid, m) in [(1, m1), (2, m2)] {
		Pools::<Test>::mutate(netuid, |p| p.as_mut().expect("pool").moving_price = U64F64::from_num(m));
	}
}

#[test]
fn setter_needs_root_and_defaults_to_selling_without_gate() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(RootDividends::<Test>::get(), UNGATED);
		assert_noop!(Dtao::set_root_dividend_mode(RuntimeOrigin::signed(ALICE), GATED), DispatchError::BadOrigin);
		assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), GATED));
		assert_eq!(RootDividends::<Test>::get(), GATED);
		System::assert_last_event(DtaoEvent::RootDividendModeSet { mode: GATED }.into());
	});
}

/// With the gate and moving prices adding up to 0.5, root's alpha leaves the alpha outstanding
/// instead of being sold: the pool and the pending root TAO do not move, and the validators keep
/// exactly what they keep when it is sold. At 0.6 + 0.6 it is sold again; at exactly 1 recycled.
#[test]
fn the_sell_gate_recycles_root_alpha_while_the_moving_prices_add_up_to_at_most_one() {
	let block = |mode: RootDividendMode, m: (f64, f64)| -> (SubnetPool, SubnetPool) {
		let mut out = (SubnetPool::default(), SubnetPool::default());
		ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
			two_subnets_with_root_stake(m.0, m.1);
			assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), mode));
			let before = pool(1);
			run_to_block(System::block_number() + 1);
			out = (before, pool(1));
		});
		out
	};
	let (before, sold) = block(UNGATED, (0.25, 0.25));
	let (before_gated, recycled) = block(GATED, (0.25, 0.25));
	assert_eq!(before, before_gated);
	let r = recycled.last;
	assert!(sold.last.root_alpha_sold > 0);
	assert_eq!((r.root_alpha_recycled, r.root_alpha_sold, r.root_tao_bought), (sold.last.root_alpha_sold, 0, 0));
	assert_eq!(r.root_proportion_ppb, sold.last.root_proportion_ppb);
	// Injection only: no sale into the pool.
	assert_eq!(recycled.tao_reserve, before.tao_reserve + r.tao_in);
	assert_eq!(recycled.alpha_reserve, before.alpha_reserve + r.alpha_in);
	// The recycled alpha is out of `O_n`; nothing reaches the pending root TAO.
	assert_eq!(recycled.alpha_outstanding, before.alpha_outstanding + r.alpha_out - r.root_alpha_recycled);
	assert_eq!(recycled.pending_root_tao, before.pending_root_tao);
	assert_eq!(recycled.pending_validator_alpha, sold.pending_validator_alpha);

	let (_, above) = block(GATED, (0.6, 0.6));
	assert!(above.last.root_alpha_sold > 0 && above.last.root_alpha_recycled == 0, "sum 1.2: sold");
	let (_, at_one) = block(GATED, (0.5, 0.5));
	assert!(at_one.last.root_alpha_recycled > 0 && at_one.last.root_alpha_sold == 0, "sum exactly 1: recycled");
}

/// A switch takes effect in the next block, and the subnet info reports what was recycled.
#[test]
fn switching_the_gate_takes_effect_next_block() {
	ExtBuilder::default().rate_limit(0).start_delay(0).build_and_execute(|| {
		two_subnets_with_root_stake(0.1, 0.1);
		assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), GATED));
		run_to_block(System::block_number() + 1);
		let info = Dtao::api_subnet_info(1).expect("subnet 1");
		assert!(info.root_alpha_recycled > 0);
		assert_eq!((info.root_alpha_sold, info.root_alpha_recycled), (0, pool(1).last.root_alpha_recycled));
		assert_ok!(Dtao::set_root_dividend_mode(RuntimeOrigin::root(), UNGATED));
		run_to_block(System::block_number() + 1);
		assert_eq!(pool(1).last.root_alpha_recycled, 0);
		assert!(pool(1).last.root_alpha_sold > 0);
	});
}
