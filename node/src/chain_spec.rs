//! Chain specifications built from the runtime's genesis presets.

use dtao_runtime::WASM_BINARY;
use polkadot_sdk::{
	sc_service::{ChainType, Properties},
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
};

/// The chain spec type of this node.
pub type ChainSpec = polkadot_sdk::sc_service::GenericChainSpec;

/// Token symbol TAO, 9 decimals, SS58 prefix 42.
fn properties() -> Properties {
	let mut p = Properties::new();
	p.insert("tokenSymbol".into(), "TAO".into());
	p.insert("tokenDecimals".into(), 9.into());
	p.insert("ss58Format".into(), 42.into());
	p
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "the runtime's wasm binary was not built (SKIP_WASM_BUILD set?)".to_string())
}

/// `--dev`: one authority (Alice), the `development` preset.
pub fn development() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, Default::default())
		.with_name("dTAO Development")
		.with_id("dtao_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: Alice, Bob and Charlie as validators, the `local_testnet` preset.
pub fn local_testnet() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, Default::default())
		.with_name("dTAO Local Testnet")
		.with_id("dtao_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain populated`: the `development` chain with three subnets, stakes, root stake, takes and
/// permits at block 0 (the runtime's `populated` preset).
pub fn populated() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, Default::default())
		.with_name("dTAO Development (populated)")
		.with_id("dtao_populated")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(dtao_runtime::presets::POPULATED_PRESET)
		.with_properties(properties())
		.build())
}
