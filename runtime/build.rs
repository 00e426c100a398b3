//! Writes the runtime's `VERSION` (with its `spec_version`) and builds the wasm runtime.

/// The `spec_version` of this source. Raise it with every change of the runtime's logic that a live
/// chain is upgraded to (README.md, "Upgrading a running chain").
const SPEC_VERSION: u32 = 107;

fn main() {
	// `DTAO_SPEC_VERSION=<n>` builds the same source with `spec_version` n: the wasm of a test upgrade.
	println!("cargo:rerun-if-env-changed=DTAO_SPEC_VERSION");
	let spec_version = match std::env::var("DTAO_SPEC_VERSION") {
		Ok(v) => v.parse::<u32>().unwrap_or_else(|_| panic!("DTAO_SPEC_VERSION={v}: expected a number")),
		Err(_) => SPEC_VERSION,
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
	}
}
