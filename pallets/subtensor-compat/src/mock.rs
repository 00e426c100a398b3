//! Mock runtime: `System`, `Balances`, `Dtao` (told of its changes by `SubtensorModule`),
//! `SubtensorModule` and `AdminUtils`. `build_and_execute` checks `Dtao`'s invariants and this pallet's mirror
//! after every test, `run_to_block` after every block.

use crate as pallet_subtensor_compat;
use polkadot_sdk::{
	frame_support::{self, derive_impl, parameter_types, traits::{ConstU16, ConstU32, ConstU64, Hooks}, weights::Weight, PalletId},
	frame_system, pallet_balances,
	sp_io::TestExternalities,
	sp_runtime::BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Dtao: pallet_dtao,
		SubtensorModule: pallet_subtensor_compat,
		AdminUtils: pallet_subtensor_compat::admin_utils,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

parameter_types! {
	/// Claim pools per hotkey; settable per test (`RootClaimPoolLimit::set`).
	pub static RootClaimPoolLimit: u32 = 256;
	pub const ExistentialDeposit: u64 = 500;
	pub const DtaoPalletId: PalletId = PalletId(*b"dtao/pot");
	pub const HookWeightLimit: Weight = Weight::from_parts(u64::MAX / 4, u64::MAX / 4);
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ExistentialDeposit;
}

impl pallet_dtao::Config for Test {
	type Currency = Balances;
	type PalletId = DtaoPalletId;
	type WeightInfo = ();
	type MaxNeuronsLimit = ConstU32<512>;
	type MaxValidatorsLimit = ConstU32<{ pallet_dtao::params::bounds::MAX_VALIDATORS_LIMIT as u32 }>;
	type MaxSubnets = ConstU16<1024>;
	type MaxSettlementsPerBlock = ConstU32<4>;
	type MaxHookWeight = HookWeightLimit;
	type MaxRootClaimPools = RootClaimPoolLimit;
	type Observer = SubtensorModule;
}

impl pallet_subtensor_compat::Config for Test {
	type Dtao = Dtao;
	type InitialStartCallDelay = ConstU64<0>;
}

impl pallet_subtensor_compat::admin_utils::Config for Test {}

pub const TAO: u64 = 1_000_000_000;
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const ALICE_HOT: AccountId = 101;
pub const BOB_HOT: AccountId = 102;
pub const INITIAL_BALANCE: u64 = 1_000_000 * TAO;

/// Alice and Bob funded; registrations without rate limit and start delay.
pub fn new_test_ext() -> TestExternalities {
	let dtao = pallet_dtao::GenesisConfig::<Test> { network_rate_limit: 0, start_call_delay: 0, ..Default::default() };
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		balances: pallet_balances::GenesisConfig::<Test> {
			balances: vec![(ALICE, INITIAL_BALANCE), (BOB, INITIAL_BALANCE)],
			..Default::default()
		},
		dtao,
		subtensor_module: Default::default(),
	}
	.build_storage()
	.expect("genesis");
	let mut ext = TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Panics with the broken check's message.
pub fn check_invariants() {
	if let Err(e) = Dtao::do_try_state() {
		panic!("Dtao invariant broken: {e:?}");
	}
	if let Err(e) = SubtensorModule::do_try_state() {
		panic!("SubtensorModule mirror broken: {e:?}");
	}
}

/// Run `test`, then check every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		check_invariants();
		test();
		check_invariants();
	});
}

/// Advance to block `n`, running the hooks, with the invariants checked after each block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		Dtao::on_finalize(System::block_number());
		System::set_block_number(next);
		System::on_initialize(next);
		Dtao::on_initialize(next);
		check_invariants();
	}
}

/// This pallet's events so far, oldest first.
pub fn events() -> Vec<pallet_subtensor_compat::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::SubtensorModule(e) = r.event { Some(e) } else { None })
		.collect()
}

/// `Dtao`'s events so far, oldest first.
pub fn dtao_events() -> Vec<pallet_dtao::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Dtao(e) = r.event { Some(e) } else { None })
		.collect()
}

pub fn free(who: AccountId) -> u64 {
	Balances::free_balance(who)
}
