//! Mock runtime for the pallet's tests: `System`, `Balances` (u64, existential deposit 500) and
//! `Dtao`, with a builder for balances and parameters. `ExtBuilder::build_and_execute` checks the
//! invariants of docs/mechanism.md §8 at the end of every test, and `run_to_block` after every block.

use crate as pallet_dtao;
use crate::params::defaults::TAO;
use polkadot_sdk::{
	frame_support::{self, derive_impl, parameter_types, traits::{ConstU16, ConstU32, Hooks}, weights::Weight, PalletId},
	frame_system, pallet_balances,
	sp_io::TestExternalities,
	sp_runtime::{BuildStorage, Perbill},
};

type Block = frame_system::mocking::MockBlock<Test>;

pub type AccountId = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Dtao: pallet_dtao,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

pub const ED: u64 = 500;

parameter_types! {
	/// Claim pools per hotkey; settable per test (`RootClaimPoolLimit::set`).
	pub static RootClaimPoolLimit: u32 = 256;
	pub const ExistentialDeposit: u64 = ED;
	pub const DtaoPalletId: PalletId = PalletId(*b"dtao/pot");
	/// Holders a dissolution pays per block; small so that tests and the harness exercise the
	/// settlement over several blocks, and settable per test (`SettlementsPerBlock::set`).
	pub static SettlementsPerBlock: u32 = 4;
	/// The block hook's limit; settable per test (`HookWeightLimit::set`) to make epochs wait.
	pub static HookWeightLimit: Weight = Weight::from_parts(u64::MAX / 4, u64::MAX / 4);
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
	type MaxValidatorsLimit = ConstU32<{ crate::params::bounds::MAX_VALIDATORS_LIMIT as u32 }>;
	type MaxSubnets = ConstU16<1024>;
	type MaxSettlementsPerBlock = SettlementsPerBlock;
	type MaxHookWeight = HookWeightLimit;
	type MaxRootClaimPools = RootClaimPoolLimit;
	type Observer = ();
}

/// A bounded list of `set_weights` (uids or weights) from a vector; panics if it is too long.
pub fn bounded(v: Vec<u16>) -> polkadot_sdk::frame_support::BoundedVec<u16, ConstU32<512>> {
	v.try_into().expect("at most MaxNeuronsLimit entries")
}

/// The entries of a `set_params` call from a vector; panics above 32.
pub fn params(v: Vec<crate::Param>) -> polkadot_sdk::frame_support::BoundedVec<crate::Param, ConstU32<32>> {
	v.try_into().expect("at most 32 entries")
}

/// The entries of a `set_subnet_params` call from a vector; panics above 32.
pub fn subnet_params(v: Vec<crate::SubnetParam>) -> polkadot_sdk::frame_support::BoundedVec<crate::SubnetParam, ConstU32<32>> {
	v.try_into().expect("at most 32 entries")
}

/// Coldkeys funded by default.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Hotkeys (unfunded).
pub const ALICE_HOT: AccountId = 101;
pub const BOB_HOT: AccountId = 102;
pub const CHARLIE_HOT: AccountId = 103;
pub const DAVE_HOT: AccountId = 104;
/// Balance of each funded coldkey: 1_000_000 TAO.
pub const INITIAL_BALANCE: u64 = 1_000_000 * TAO;

pub struct ExtBuilder {
	balances: Vec<(AccountId, u64)>,
	pub genesis: pallet_dtao::GenesisConfig<Test>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: vec![
				(ALICE, INITIAL_BALANCE),
				(BOB, INITIAL_BALANCE),
				(CHARLIE, INITIAL_BALANCE),
				(DAVE, INITIAL_BALANCE),
			],
			genesis: Default::default(),
		}
	}
}

impl ExtBuilder {
	pub fn balance(mut self, who: AccountId, amount: u64) -> Self {
		self.balances.retain(|(a, _)| *a != who);
		self.balances.push((who, amount));
		self
	}
	pub fn swap_fee(mut self, fee: Perbill) -> Self {
		self.genesis.swap_fee = fee;
		self
	}
	pub fn min_lock(mut self, amount: u64) -> Self {
		self.genesis.network_min_lock_cost = amount;
		self
	}
	pub fn rate_limit(mut self, blocks: u64) -> Self {
		self.genesis.network_rate_limit = blocks;
		self
	}
	pub fn start_delay(mut self, blocks: u64) -> Self {
		self.genesis.start_call_delay = blocks;
		self
	}
	pub fn subnet_limit(mut self, limit: u16) -> Self {
		self.genesis.subnet_limit = limit;
		self
	}
	pub fn tempo(mut self, tempo: u16) -> Self {
		self.genesis.initial_tempo = tempo;
		self
	}
	/// The dividend accrual at genesis (default `OverTempo`); tests of an epoch's arithmetic read
	/// its payments at the epoch block under `AtEpoch`.
	pub fn accrual(mut self, accrual: pallet_dtao::DividendAccrual) -> Self {
		self.genesis.dividend_accrual = accrual;
		self
	}
	pub fn immunity(mut self, blocks: u64) -> Self {
		self.genesis.network_immunity_period = blocks;
		self
	}

	pub fn build(self) -> TestExternalities {
		// Built as a runtime's genesis is, so that each pallet's storage version is written too.
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() },
			dtao: self.genesis,
		}
		.build_storage()
		.expect("genesis");
		let mut ext = TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check every invariant.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			check_invariants();
		});
	}
}

/// Panics with the broken invariant's message.
pub fn check_invariants() {
	if let Err(e) = Dtao::do_try_state() {
		panic!("invariant broken: {e:?}");
	}
}

/// Advance to block `n`, running every pallet's hooks, with the invariants checked after each block.
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

/// The events of this pallet deposited so far, oldest first.
pub fn dtao_events() -> Vec<pallet_dtao::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Dtao(e) = r.event { Some(e) } else { None })
		.collect()
}

/// Free balance of an account.
pub fn free(who: AccountId) -> u64 {
	Balances::free_balance(who)
}
