//! Writes the runtime's `VERSION` (with its `spec_version`) and builds the wasm runtime, and beside
//! it the wasm of a test upgrade: the same source with `spec_version` one higher (feature
//! `upgrade-wasm`), which the live-upgrade test sets with `sudo(system.setCode(…))`.

/// The `spec_version` of this source. Raise it with every change of the runtime's logic that a live
/// chain is upgraded to (docs/node.md, "Upgrading a running chain").
const SPEC_VERSION: u32 = 111;

fn main() {
	// `DTAO_SPEC_VERSION=<n>` builds the same source with `spec_version` n: the wasm of a test upgrade.
	println!("cargo:rerun-if-env-changed=DTAO_SPEC_VERSION");
	let base = match std::env::var("DTAO_SPEC_VERSION") {
		Ok(v) => v.parse::<u32>().unwrap_or_else(|_| panic!("DTAO_SPEC_VERSION={v}: expected a number")),
		Err(_) => SPEC_VERSION,
	};
	// The `upgrade-wasm` feature (set only on the second wasm build below) raises it by one.
	let spec_version = if std::env::var_os("CARGO_FEATURE_UPGRADE_WASM").is_some() {
		base.checked_add(1).expect("a spec_version below u32::MAX")
	} else {
		base
	};
	let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
	let version = format!(
		r#"/// The runtime's version; `spec_version` is set by build.rs.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {{
	spec_name: alloc::borrow::Cow::Borrowed("dtao-dev"),
	impl_name: alloc::borrow::Cow::Borrowed("dtao-dev"),
	authoring_version: 1,
	spec_version: {spec_version},
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
}};
"#
	);
	std::fs::write(out.join("version.rs"), version).expect("OUT_DIR is writable");

	#[cfg(feature = "std")]
	{
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
		// The test upgrade's wasm, built in the same wasm workspace right after the runtime's (it
		// shares every compiled dependency; only this crate is compiled again, with the feature):
		// `$CARGO_TARGET_DIR/<profile>/wbuild/dtao-runtime/dtao_runtime_upgrade.compact.compressed.wasm`
		// (scripts/upgrade-wasm.sh). Not built for the benchmark or try-runtime wasm.
		let instrumented = ["CARGO_FEATURE_RUNTIME_BENCHMARKS", "CARGO_FEATURE_TRY_RUNTIME"]
			.iter()
			.any(|f| std::env::var_os(f).is_some());
		if !instrumented {
			substrate_wasm_builder::WasmBuilder::init_with_defaults()
				.enable_feature("upgrade-wasm")
				.set_file_name("dtao_runtime_upgrade")
				.build();
		}
	}
}
