//! Genesis presets (README.md, "Genesis presets").
//!
//! - `development`: Alice, Bob, Charlie, Dave, Eve and Ferdie with 1_000_000 TAO each, Alice sudo
//!   and the only authority, and parameters that make emission and epochs visible within a minute.
//! - `local_testnet`: the same accounts and parameters, with Alice, Bob and Charlie as validators.

use crate::{AccountId, AuraConfig, Balance, BalancesConfig, DtaoConfig, GrandpaConfig, SudoConfig};
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

/// The `local_testnet` preset.
pub fn local_testnet() -> Value {
	genesis(
		&[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie],
		&[Ed25519Keyring::Alice, Ed25519Keyring::Bob, Ed25519Keyring::Charlie],
	)
}

/// The preset for `id`, as JSON bytes.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let value = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	serde_json::to_vec(&value).ok()
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
