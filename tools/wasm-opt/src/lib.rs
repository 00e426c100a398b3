//! The part of the `wasm-opt` crate's API that `substrate-wasm-builder` calls, without binaryen.
//!
//! The wasm builder runs binaryen at optimization level 0 on the runtime's blob for two passes:
//! `SignextLowering` (rewrite sign-extension instructions as WebAssembly 1.0 ones) and, for the
//! compact blob, `StripDwarf` (drop the DWARF debug sections), reading the module with WebAssembly
//! 1.0 features only. A runtime built for `wasm32v1-none` (the target `scripts/setup.sh` installs and
//! the builder picks when it is present) contains WebAssembly 1.0 instructions only, so the lowering
//! has nothing to rewrite: here the module is validated against WebAssembly 1.0 (`wasmparser`,
//! which fails the build, naming the instruction, if anything beyond 1.0 is present), its `.debug*`
//! custom sections are dropped when `StripDwarf` is asked for (and the `name` section when debug
//! info is not kept), and every other section is copied byte for byte. The node executes the same
//! code as with binaryen; only the blob's encoding differs.
//!
//! Building binaryen (the `wasm-opt-sys` C++ sources) was the longest single step of a cold build
//! of the node (about 9 minutes on two cores, on the critical path of the wasm runtime); this crate
//! compiles in seconds. It is used through `[patch.crates-io]` in the workspace's `Cargo.toml`.
// It runs in the build of the runtime: no panics outside tests, as in the runtime's own crates.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing))]
#![cfg_attr(test, allow(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing))]

use std::{fmt, fs, path::Path};

/// The passes the wasm builder asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
	/// Lower sign-extension instructions to WebAssembly 1.0 ones: none may be present here (the
	/// module is validated against WebAssembly 1.0, which fails on them).
	SignextLowering,
	/// Drop the DWARF debug sections (custom sections named `.debug*`).
	StripDwarf,
}

/// What to do with a module: the passes, and whether to keep the `name` section.
#[derive(Clone, Debug, Default)]
pub struct OptimizationOptions {
	passes: Vec<Pass>,
	debug_info: bool,
}

/// Why [`OptimizationOptions::run`] failed.
#[derive(Debug)]
pub enum OptimizationError {
	/// The input module is not valid WebAssembly 1.0 (the reason names what is not).
	ValidateWasmInput(String),
	/// The input could not be read or is not a WebAssembly module.
	Read(String),
	/// The output could not be written.
	Write(String),
}

impl fmt::Display for OptimizationError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::ValidateWasmInput(why) => write!(
				f,
				"the wasm is not WebAssembly 1.0 ({why}); build the runtime for `wasm32v1-none` (scripts/setup.sh installs it)"
			),
			Self::Read(why) => write!(f, "failed to read the wasm: {why}"),
			Self::Write(why) => write!(f, "failed to write the wasm: {why}"),
		}
	}
}

impl std::error::Error for OptimizationError {}

impl OptimizationOptions {
	/// No pass; the `name` section dropped unless [`Self::debug_info`] keeps it.
	pub fn new_opt_level_0() -> Self {
		Self::default()
	}

	/// Add a pass.
	pub fn add_pass(&mut self, pass: Pass) -> &mut Self {
		self.passes.push(pass);
		self
	}

	/// Keep the `name` section (`true`) or drop it.
	pub fn debug_info(&mut self, keep: bool) -> &mut Self {
		self.debug_info = keep;
		self
	}

	/// Accept WebAssembly 1.0 only: always the case here.
	pub fn mvp_features_only(&mut self) -> &mut Self {
		self
	}

	/// Read `infile`, validate it against WebAssembly 1.0, apply the passes, write `outfile` (which
	/// may be `infile`).
	pub fn run(&self, infile: impl AsRef<Path>, outfile: impl AsRef<Path>) -> Result<(), OptimizationError> {
		let input = fs::read(infile.as_ref()).map_err(|e| OptimizationError::Read(format!("{}: {e}", infile.as_ref().display())))?;
		let output = self.apply(&input)?;
		fs::write(outfile.as_ref(), output).map_err(|e| OptimizationError::Write(format!("{}: {e}", outfile.as_ref().display())))
	}

	/// The module `wasm` after validation and the passes.
	pub fn apply(&self, wasm: &[u8]) -> Result<Vec<u8>, OptimizationError> {
		wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::WASM1)
			.validate_all(wasm)
			.map_err(|e| OptimizationError::ValidateWasmInput(e.to_string()))?;
		let strip_dwarf = self.passes.contains(&Pass::StripDwarf);
		let (header, sections) = sections(wasm)?;
		let mut out = header.to_vec();
		for s in sections {
			let drop = s.custom_name.is_some_and(|name| {
				(strip_dwarf && name.starts_with(".debug")) || (!self.debug_info && name == "name")
			});
			if !drop {
				out.extend_from_slice(s.bytes);
			}
		}
		Ok(out)
	}
}

/// One section of a module: its bytes (id, size and content) and, for a custom section, its name.
struct Section<'a> {
	bytes: &'a [u8],
	custom_name: Option<&'a str>,
}

/// The module's 8-byte header and its sections in order.
fn sections(wasm: &[u8]) -> Result<(&[u8], Vec<Section<'_>>), OptimizationError> {
	let bad = |what: &str| OptimizationError::Read(format!("not a WebAssembly module: {what}"));
	let (header, mut rest) = wasm.split_at_checked(8).ok_or_else(|| bad("shorter than its header"))?;
	let mut out = Vec::new();
	while let Some((&id, after_id)) = rest.split_first() {
		let (size, after_size) = leb128_u32(after_id).ok_or_else(|| bad("a section size"))?;
		let size = usize::try_from(size).map_err(|_| bad("a section size"))?;
		let (content, next) = after_size.split_at_checked(size).ok_or_else(|| bad("a section past the end"))?;
		let len = rest.len().saturating_sub(next.len());
		let bytes = rest.get(..len).ok_or_else(|| bad("a section"))?;
		let custom_name = if id == 0 {
			let (name_len, after_len) = leb128_u32(content).ok_or_else(|| bad("a custom section's name"))?;
			let name_len = usize::try_from(name_len).map_err(|_| bad("a custom section's name"))?;
			let name = after_len.get(..name_len).ok_or_else(|| bad("a custom section's name"))?;
			Some(std::str::from_utf8(name).map_err(|_| bad("a custom section's name"))?)
		} else {
			None
		};
		out.push(Section { bytes, custom_name });
		rest = next;
	}
	Ok((header, out))
}

/// An unsigned LEB128 `u32` at the start of `bytes`, and what follows it.
fn leb128_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
	let mut value: u32 = 0;
	for (i, &b) in bytes.iter().enumerate().take(5) {
		let shift = u32::try_from(i).ok()?.checked_mul(7)?;
		value |= u32::from(b & 0x7f).checked_shl(shift)?;
		if b & 0x80 == 0 {
			return Some((value, bytes.get(i.checked_add(1)?..)?));
		}
	}
	None
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A custom section named `name` with `payload`.
	fn custom(name: &str, payload: &[u8]) -> Vec<u8> {
		let mut content = vec![u8::try_from(name.len()).unwrap()];
		content.extend_from_slice(name.as_bytes());
		content.extend_from_slice(payload);
		let mut s = vec![0, u8::try_from(content.len()).unwrap()];
		s.extend(content);
		s
	}

	const HEADER: [u8; 8] = [0, b'a', b's', b'm', 1, 0, 0, 0];

	/// A module with one function `() -> ()` whose body is `body` (locals count first, `end` last),
	/// then the custom sections `customs`.
	fn module(body: &[u8], customs: &[Vec<u8>]) -> Vec<u8> {
		let mut m = HEADER.to_vec();
		m.extend([1, 4, 1, 0x60, 0, 0]); // type section: () -> ()
		m.extend([3, 2, 1, 0]); // function section: one function of type 0
		let code_len = u8::try_from(body.len() + 2).unwrap();
		m.extend([10, code_len, 1, u8::try_from(body.len()).unwrap()]); // code section: one body
		m.extend_from_slice(body);
		for c in customs {
			m.extend_from_slice(c);
		}
		m
	}

	const EMPTY_BODY: [u8; 2] = [0, 0x0b];

	#[test]
	fn strip_dwarf_drops_the_debug_sections_and_copies_the_rest_byte_for_byte() {
		let kept = [custom("name", &[1, 2, 3]), custom("runtime_version", &[4, 5])];
		let input = module(&EMPTY_BODY, &[custom(".debug_info", &[9; 40]), kept[0].clone(), custom(".debug_line", &[7]), kept[1].clone()]);
		let out = OptimizationOptions::new_opt_level_0()
			.mvp_features_only()
			.debug_info(true)
			.add_pass(Pass::StripDwarf)
			.add_pass(Pass::SignextLowering)
			.apply(&input)
			.unwrap();
		assert_eq!(out, module(&EMPTY_BODY, &kept));
		wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::WASM1).validate_all(&out).unwrap();
	}

	#[test]
	fn without_strip_dwarf_the_module_is_unchanged_and_without_debug_info_the_name_section_goes() {
		let sections = [custom(".debug_info", &[9; 3]), custom("name", &[1])];
		let input = module(&EMPTY_BODY, &sections);
		let lowered = OptimizationOptions::new_opt_level_0().add_pass(Pass::SignextLowering).debug_info(true).apply(&input);
		assert_eq!(lowered.unwrap(), input);
		let no_names = OptimizationOptions::new_opt_level_0().apply(&input).unwrap();
		assert_eq!(no_names, module(&EMPTY_BODY, &sections[..1]));
	}

	#[test]
	fn an_instruction_beyond_webassembly_1_0_fails_with_its_name() {
		// i32.const 0; i32.extend8_s (sign-ext); drop; end
		let input = module(&[0, 0x41, 0, 0xc0, 0x1a, 0x0b], &[]);
		let err = OptimizationOptions::new_opt_level_0().add_pass(Pass::SignextLowering).apply(&input).unwrap_err();
		assert!(matches!(&err, OptimizationError::ValidateWasmInput(why) if why.contains("sign extension")), "{err}");
		assert!(err.to_string().contains("wasm32v1-none"));
	}

	#[test]
	fn a_truncated_module_is_a_read_error() {
		let input = module(&EMPTY_BODY, &[custom("name", &[1, 2, 3])]);
		// Validation passes on the header alone only when nothing follows it; a cut section fails.
		let cut = &input[..input.len() - 1];
		assert!(OptimizationOptions::new_opt_level_0().apply(cut).is_err());
		assert!(matches!(sections(&input[..5]), Err(OptimizationError::Read(_))));
		assert!(matches!(sections(cut), Err(OptimizationError::Read(_))));
	}

	#[test]
	fn run_reads_and_writes_files_in_place() {
		let dir = std::env::temp_dir().join(format!("wasm-opt-test-{}", std::process::id()));
		fs::create_dir_all(&dir).unwrap();
		let path = dir.join("m.wasm");
		fs::write(&path, module(&EMPTY_BODY, &[custom(".debug_str", &[0; 8])])).unwrap();
		OptimizationOptions::new_opt_level_0().add_pass(Pass::StripDwarf).run(&path, &path).unwrap();
		assert_eq!(fs::read(&path).unwrap(), module(&EMPTY_BODY, &[]));
		assert!(matches!(
			OptimizationOptions::new_opt_level_0().run(dir.join("missing.wasm"), &path),
			Err(OptimizationError::Read(_))
		));
		fs::remove_dir_all(&dir).unwrap();
	}
}
