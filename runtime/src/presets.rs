//! Genesis presets (docs/node.md, "Genesis presets").
//!
//! - `development`: Alice, Bob, Charlie, Dave, Eve and Ferdie with 1_000_000 TAO each, Alice sudo
//!   and the only authority, and parameters that make emission and epochs visible within a minute.
//! - `local_testnet`: the same accounts and parameters, with Alice, Bob, Charlie and Dave as validators
//!   (Aura authorities and GRANDPA voters: finality goes on with one of the four down).
//! - `populated`: the `development` chain with an economy at block 0 (`populated_economy`).

use crate::{AccountId, AuraConfig, Balance, BalancesConfig, DtaoConfig, GrandpaConfig, SudoConfig};
use pallet_dtao::GenesisAction;
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	sp_genesis_builder::{self, PresetId},
	sp_runtime::Perbill,
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
};
use serde_json::{json, Value};

/// 1 TAO in rao.
pub const TAO: Balance = 1_000_000_000;
/// What each development account holds at genesis (6M TAO in all, below the first halving).
pub const ENDOWMENT: Balance = 1_000_000 * TAO;

/// The funded development accounts.
pub fn endowed_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// The pallet parameters of both presets: tempo 10, no start-call delay, no registration rate
/// limit, a fast moving price (α = 0.1, halving in 10 blocks), a 100 TAO minimum lock and a
/// 100-block immunity period. Anything not listed keeps the pallet default (docs/mechanism.md).
pub fn dtao_dev_parameters() -> DtaoConfig {
	DtaoConfig {
		initial_tempo: 10,
		start_call_delay: 0,
		network_rate_limit: 0,
		moving_alpha: Perbill::from_percent(10),
		moving_halving_blocks: 10,
		network_min_lock_cost: 100 * TAO,
		network_immunity_period: 100,
		..Default::default()
	}
}

/// The name of the `populated` preset.
pub const POPULATED_PRESET: &str = "populated";

/// What the `populated` preset applies at genesis, through the calls' own code:
/// - subnets 1, 2 and 3 owned by Alice, Bob and Charlie, with `//Alice//stash`, `//Bob//stash` and
///   `//Charlie//stash` as owner hotkeys (uid 0), all started;
/// - Dave's hotkey `//Dave//stash` registered on subnets 1 and 2 (a validator), Eve's `//Eve//stash`
///   on 1 and 2 and Ferdie's `//Ferdie//stash` on 1, 2 and 3 (miners);
/// - alpha stakes of different sizes, so the three pools have different sizes and prices: 2,000,
///   500 and 50 TAO into the owners' hotkeys, and 1,000 TAO by Dave into his own on subnet 1 and
///   300 on subnet 2;
/// - root stakes: 10,000 TAO by Alice, 5,000 by Bob (on their stash hotkeys) and 3,000 by Dave;
/// - takes of 10 % (Alice's hotkey) and 5 % (Dave's);
/// - an epoch on each subnet, so that the validators hold permits from block 0.
///
/// Weights are not set: Yuma counts a weight only from a block after its target registered, and
/// every neuron here registers at block 0, so the validators set them from block 1 (docs/walkthrough.md). The
/// stash hotkeys hold `HOTKEY_ENDOWMENT` each for their fees.
pub fn populated_economy() -> Vec<GenesisAction<AccountId>> {
	use Sr25519Keyring::*;
	let id = |k: Sr25519Keyring| k.to_account_id();
	let register = |coldkey: Sr25519Keyring, netuid: u16, hotkey: Sr25519Keyring| GenesisAction::BurnedRegister {
		coldkey: id(coldkey),
		netuid,
		hotkey: id(hotkey),
	};
	let stake = |coldkey: Sr25519Keyring, hotkey: Sr25519Keyring, netuid: u16, tao: u64| GenesisAction::AddStake {
		coldkey: id(coldkey),
		hotkey: id(hotkey),
		netuid,
		tao: tao.saturating_mul(TAO),
	};
	let mut steps = Vec::new();
	for (netuid, (owner, hotkey)) in (1u16..).zip([(Alice, AliceStash), (Bob, BobStash), (Charlie, CharlieStash)]) {
		steps.push(GenesisAction::RegisterNetwork { coldkey: id(owner), hotkey: id(hotkey) });
		steps.push(GenesisAction::StartCall { coldkey: id(owner), netuid });
	}
	steps.extend([
		register(Dave, 1, DaveStash),
		register(Eve, 1, EveStash),
		register(Ferdie, 1, FerdieStash),
		register(Dave, 2, DaveStash),
		register(Eve, 2, EveStash),
		register(Ferdie, 2, FerdieStash),
		register(Ferdie, 3, FerdieStash),
		stake(Alice, AliceStash, 1, 2_000),
		stake(Bob, BobStash, 2, 500),
		stake(Charlie, CharlieStash, 3, 50),
		stake(Dave, DaveStash, 1, 1_000),
		stake(Dave, DaveStash, 2, 300),
		stake(Alice, AliceStash, 0, 10_000),
		stake(Bob, BobStash, 0, 5_000),
		stake(Dave, DaveStash, 0, 3_000),
		GenesisAction::SetTake { coldkey: id(Alice), hotkey: id(AliceStash), take_ppb: 100_000_000 },
		GenesisAction::SetTake { coldkey: id(Dave), hotkey: id(DaveStash), take_ppb: 50_000_000 },
		GenesisAction::RunEpoch { netuid: 1 },
		GenesisAction::RunEpoch { netuid: 2 },
		GenesisAction::RunEpoch { netuid: 3 },
	]);
	steps
}

fn genesis(authorities: &[Sr25519Keyring], grandpa: &[Ed25519Keyring]) -> Value {
	let balances: Vec<(AccountId, Balance)> = endowed_accounts().into_iter().map(|a| (a, ENDOWMENT)).collect();
	json!({
		"balances": BalancesConfig { balances, ..Default::default() },
		"sudo": SudoConfig { key: Some(Sr25519Keyring::Alice.to_account_id()) },
		"aura": AuraConfig { authorities: authorities.iter().map(|k| k.public().into()).collect() },
		"grandpa": GrandpaConfig {
			authorities: grandpa.iter().map(|k| (k.public().into(), 1)).collect(),
			..Default::default()
		},
		"dtao": dtao_dev_parameters(),
	})
}

/// The `development` preset.
pub fn development() -> Value {
	genesis(&[Sr25519Keyring::Alice], &[Ed25519Keyring::Alice])
}

/// What each stash hotkey of the `populated` preset holds, to pay its transactions' fees.
pub const HOTKEY_ENDOWMENT: Balance = 1_000 * TAO;

/// The `populated` preset: `development` with `populated_economy` applied at genesis, and the
/// stash hotkeys funded with `HOTKEY_ENDOWMENT` so that they can sign `set_weights`.
pub fn populated() -> Value {
	use Sr25519Keyring::*;
	let mut value = development();
	let dtao = DtaoConfig { economy: populated_economy(), ..dtao_dev_parameters() };
	let balances: Vec<(AccountId, Balance)> = endowed_accounts()
		.into_iter()
		.map(|a| (a, ENDOWMENT))
		.chain(
			[AliceStash, BobStash, CharlieStash, DaveStash, EveStash, FerdieStash]
				.iter()
				.map(|k| (k.to_account_id(), HOTKEY_ENDOWMENT)),
		)
		.collect();
	if let Some(map) = value.as_object_mut() {
		map.insert("dtao".into(), json!(dtao));
		map.insert("balances".into(), json!(BalancesConfig { balances, ..Default::default() }));
	}
	value
}

/// The `local_testnet` preset: four validators, so that GRANDPA's two-thirds majority survives one
/// fault (with three, every vote is needed).
pub fn local_testnet() -> Value {
	genesis(
		&[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave],
		&[Ed25519Keyring::Alice, Ed25519Keyring::Bob, Ed25519Keyring::Charlie, Ed25519Keyring::Dave],
	)
}

/// The preset for `id`, as JSON bytes.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let value = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		POPULATED_PRESET => populated(),
		_ => return None,
	};
	serde_json::to_vec(&value).ok()
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(POPULATED_PRESET),
	]
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{Dtao, RuntimeGenesisConfig};
	use polkadot_sdk::{frame_support::genesis_builder_helper::build_state, sp_io::TestExternalities};

	/// The `populated` preset builds, its economy is there, and every invariant holds at block 0.
	#[test]
	fn populated_preset_holds_the_invariants() {
		// A preset is a patch over the default config, as the node's chain spec builder applies it.
		fn merge(base: &mut Value, patch: Value) {
			match (base, patch) {
				(Value::Object(b), Value::Object(p)) => {
					for (k, v) in p {
						merge(b.entry(k).or_insert(Value::Null), v);
					}
				},
				(b, p) => *b = p,
			}
		}
		let patch: Value =
			serde_json::from_slice(&get_preset(&PresetId::from(POPULATED_PRESET)).expect("the preset exists")).expect("json");
		let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("json");
		merge(&mut config, patch);
		let json = serde_json::to_vec(&config).expect("json");
		TestExternalities::new_empty().execute_with(|| {
			build_state::<RuntimeGenesisConfig>(json).expect("the preset builds");
			Dtao::do_try_state().expect("invariants at block 0");
			crate::SubtensorModule::do_try_state().expect("btcli's mirror of the economy at block 0");
			assert_eq!(pallet_subtensor_compat::NetworksAdded::<crate::Runtime>::iter().count(), 4);
			assert_eq!(pallet_dtao::TotalNetworks::<crate::Runtime>::get(), 3);
			let prices: Vec<u64> =
				(1..=3).map(|n| Dtao::api_subnet_info(n).map(|i| i.spot_price).expect("subnet")).collect();
			assert!(prices[0] > prices[1] && prices[1] > prices[2], "three different prices: {prices:?}");
			assert_eq!(pallet_dtao::TotalRootStake::<crate::Runtime>::get(), 18_000 * TAO);
			assert!(pallet_dtao::ValidatorPermit::<crate::Runtime>::get(1).iter().filter(|p| **p).count() >= 2);
		});
	}

	/// What `SubtensorModule` shows as `InitialStartCallDelay` is the presets' `StartCallDelay`.
	#[test]
	fn shown_start_call_delay_is_the_presets() {
		use polkadot_sdk::frame_support::traits::Get;
		let shown: u64 = <crate::Runtime as pallet_subtensor_compat::Config>::InitialStartCallDelay::get();
		assert_eq!(shown, dtao_dev_parameters().start_call_delay);
	}

	/// Every preset named is served.
	#[test]
	fn every_preset_is_served() {
		for id in preset_names() {
			assert!(get_preset(&id).is_some(), "{id:?}");
		}
	}
}
