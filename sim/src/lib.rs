//! `dtao-sim`: the chain's own arithmetic over many blocks, without a chain.
//!
//! Every number comes from the functions the pallet's hook calls: `dtao_math::coinbase` for each
//! block (TAO split by moving price, the subnet's block step, the moving price's step),
//! `dtao_math::yuma` for each epoch (Yuma Consensus and the pot split), and `dtao_math::buy` /
//! `sell` for the scripted trades. The pallet's differential test runs one scenario through the
//! pallet mock and through [`Sim`] and finds the same state, subnet by subnet, to the rao.
//!
//! A scenario ([`Scenario`]) is read from TOML: `[chain]` parameters, `[[subnet]]` pools and
//! neurons, `[[actor]]` trades and `[run]` length; every key left out takes the chain's genesis
//! default (see `docs/simulator.md`).

use dtao_math::{
	block_emission,
	coinbase::{self as cb, BlockParams, BlockRecord, SubnetState},
	policy,
	substrate_fixed::types::{I64F64, U64F64},
	yuma::{self, EpochInput, Neuron as YumaNeuron, Params as YumaParams, Pots},
	Market, SharePool, Vesting, SHARE_SCALE,
};
use serde::Deserialize;

pub mod run;

/// One TAO in rao.
pub const TAO: u64 = 1_000_000_000;

/// A fraction given as a decimal (`0.18`), as the chain's `Perbill` setters take it: parts per
/// billion, rounded to the nearest part.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(try_from = "f64")]
pub struct Fraction(pub u32);

impl TryFrom<f64> for Fraction {
	type Error = String;
	fn try_from(x: f64) -> Result<Self, String> {
		if !(0.0..=1.0).contains(&x) {
			return Err(format!("fraction {x} is not between 0 and 1"));
		}
		// In range by the check above.
		Ok(Fraction((x * 1e9).round() as u32))
	}
}

/// `[chain]`: the chain's parameters. Amounts in rao, prices in rao per alpha.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChainParams {
	/// `Balances::total_issuance` at the first block.
	pub total_issuance: u64,
	/// `T_0`: TAO staked on root at the first block.
	pub root_stake: u64,
	pub block_emission: u64,
	pub min_pool_reserve: u64,
	pub min_stake: u64,
	pub tao_weight: Fraction,
	pub owner_cut: Fraction,
	pub miner_share: Fraction,
	pub swap_fee: Fraction,
	pub moving_alpha: Fraction,
	pub moving_halving_blocks: u64,
	pub moving_price_cap: u64,
	pub tempo: u16,
	pub kappa: u16,
	pub bonds_moving_average: u64,
	pub bonds_penalty: u16,
	pub activity_cutoff_factor_milli: u32,
	pub max_validators: u16,
	/// Not a chain parameter: `false` lifts the cap of `α_in` at the subnet's alpha emission (the
	/// chain always caps), to compare a subnet with and without it.
	pub alpha_in_cap: bool,
	/// `EmissionShare`: how the block's TAO is split across subnets (docs/mechanism.md §6.2).
	pub emission_share: SharePolicySpec,
	/// `FlowHalfLife`: half-life of the flow EMAs, in blocks.
	pub flow_half_life: u64,
	/// `DividendAccrualMode`: root dividends raise a hotkey's root share pool at the epoch
	/// (`at_epoch`) or are released block by block until the subnet's next epoch (`over_tempo`).
	pub dividend_accrual: AccrualName,
	/// `RootDividends = SellPerBlock { sell_gate }`: with the gate, root's alpha is sold only while
	/// the started subnets' moving prices add up to more than 1, and recycled otherwise.
	pub root_sell_gate: bool,
	/// `RootDividends`: `"sell_per_block"` (with `root_sell_gate`) or `"keep_alpha"` (root's alpha
	/// kept and paid at the epoch, by the root parts, as alpha stake of each validator's hotkey: the
	/// claims of its root stakers, as if claimed at once).
	pub root_dividend_mode: RootModeName,
}

/// `RootDividends` in a scenario.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RootModeName {
	#[default]
	SellPerBlock,
	KeepAlpha,
}

/// `DividendAccrualMode` in a scenario.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccrualName {
	#[default]
	AtEpoch,
	OverTempo,
}

/// `EmissionShare` in a scenario: `{ rule = "moving_price" }` or `{ rule = "tao_flow", cutoff =
/// -1_000_000_000, exponent = 0.5 }`, each optionally with `gate = { quantile = 0.5, exponent = 2 }`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SharePolicySpec {
	pub rule: RuleName,
	/// `TaoFlow`'s cutoff `L`'s floor, rao per block (at most 0).
	pub cutoff: i64,
	/// `TaoFlow`'s exponent `p` (1.0 by default; the chain takes thousandths).
	pub exponent: Option<f64>,
	pub gate: Option<GateSpec>,
}

/// The rule of a [`SharePolicySpec`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleName {
	#[default]
	MovingPrice,
	TaoFlow,
}

/// The gate of a [`SharePolicySpec`].
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateSpec {
	pub quantile: Fraction,
	pub exponent: u8,
}

impl SharePolicySpec {
	/// Refuse what `set_emission_share_policy` refuses; `key` names the policy in the message.
	fn check(&self, key: &str) -> Result<(), String> {
		use dtao_math::bounds as b;
		if self.cutoff > 0 {
			return Err(format!("{key}.cutoff = {}: at most 0 (rao per block)", self.cutoff));
		}
		let milli = self.exponent.unwrap_or(1.0) * 1000.0;
		let (lo, hi) = (f64::from(b::FLOW_EXPONENT_MILLI_MIN), f64::from(b::FLOW_EXPONENT_MILLI_MAX));
		if !(lo..=hi).contains(&milli.round()) {
			return Err(format!("{key}.exponent = {}: allowed {} to {}", milli / 1000.0, lo / 1000.0, hi / 1000.0));
		}
		if let Some(g) = self.gate {
			if !(b::GATE_EXPONENT_MIN..=b::GATE_EXPONENT_MAX).contains(&g.exponent) {
				return Err(format!("{key}.gate.exponent = {}: allowed {} to {}", g.exponent, b::GATE_EXPONENT_MIN, b::GATE_EXPONENT_MAX));
			}
		}
		Ok(())
	}

	/// The rule and gate as the chain's arithmetic takes them.
	pub fn to_math(&self) -> (policy::Rule, Option<policy::Gate>) {
		let rule = match self.rule {
			RuleName::MovingPrice => policy::Rule::MovingPrice,
			RuleName::TaoFlow => policy::Rule::TaoFlow {
				cutoff: self.cutoff.min(0),
				// In range: `check` refuses an exponent outside the chain's bounds.
				exponent_milli: (self.exponent.unwrap_or(1.0) * 1000.0).round().clamp(1.0, 10_000.0) as u32,
			},
		};
		(rule, self.gate.map(|g| policy::Gate { quantile_ppb: g.quantile.0, exponent: g.exponent.clamp(1, 16) }))
	}
}

/// `[[switch]]`: from block `block` on, the split follows `emission_share` (root's
/// `set_emission_share_policy` made in the block before).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SwitchSpec {
	pub block: u64,
	pub emission_share: SharePolicySpec,
}

impl Default for ChainParams {
	/// The pallet's genesis defaults (`pallets/dtao/src/params.rs`).
	fn default() -> Self {
		ChainParams {
			total_issuance: 0,
			root_stake: 0,
			block_emission: TAO,
			min_pool_reserve: 1_000_000,
			min_stake: 500_000,
			tao_weight: Fraction(180_000_000),
			owner_cut: Fraction(180_000_000),
			miner_share: Fraction(500_000_000),
			swap_fee: Fraction(500_000),
			moving_alpha: Fraction(3_000),
			moving_halving_blocks: 201_600,
			moving_price_cap: TAO,
			tempo: 360,
			kappa: 32_767,
			bonds_moving_average: 900_000,
			bonds_penalty: u16::MAX,
			activity_cutoff_factor_milli: 13_889,
			max_validators: 64,
			alpha_in_cap: true,
			emission_share: SharePolicySpec::default(),
			flow_half_life: 216_000,
			dividend_accrual: AccrualName::AtEpoch,
			root_sell_gate: false,
			root_dividend_mode: RootModeName::SellPerBlock,
		}
	}
}

/// A validator of a subnet, besides the owner: its alpha and root stake (rao), and optionally its
/// weights as `[[uid, weight], …]` (stored max-upscaled, as `set_weights` stores them); without
/// them it weights every miner equally.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ValidatorSpec {
	pub alpha: u64,
	pub root: u64,
	pub weights: Option<Vec<(u16, u16)>>,
}

/// `[[subnet]]`: a subnet registered before the first block.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SubnetSpec {
	pub netuid: u16,
	/// Block of its `start_call`; emission from the next block.
	pub start_block: u64,
	/// Block of its registration (and of its neurons'); defaults to the first block.
	pub registered_at: Option<u64>,
	pub tao_reserve: u64,
	pub alpha_reserve: u64,
	/// Validators after the owner's hotkey (uid 0, which always validates): uids 1, 2, …
	pub validators: Vec<ValidatorSpec>,
	/// Miners after the validators.
	pub miners: u16,
	/// Validators (the owner's hotkey and those holding a permit) set their weights, equal on
	/// every miner, every this many blocks from the first block (0: only once, in the second
	/// block). Defaults to the subnet's tempo.
	pub weights_every: Option<u64>,
	/// The subnet's `Tempo` (`set_tempo`): its epochs, activity cutoff and release over the tempo.
	/// Defaults to `[chain] tempo`; 0 means no epochs, as on the chain.
	pub tempo: Option<u16>,
	/// This many identical subnets, with netuids `netuid, netuid + 1, …` (default 1).
	pub copies: u16,
}

impl Default for SubnetSpec {
	fn default() -> Self {
		SubnetSpec {
			netuid: 1,
			start_block: 1,
			registered_at: None,
			tao_reserve: 1_000 * TAO,
			alpha_reserve: 1_000 * TAO,
			validators: Vec::new(),
			miners: 1,
			weights_every: None,
			tempo: None,
			copies: 1,
		}
	}
}

/// `[[actor]]`: a scripted trader. Acts after the block's coinbase and epochs, in the blocks
/// `from, from + every, …` up to `to` (inclusive; `every` 0 means once, at `from`).
#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ActorSpec {
	/// Stake `tao` into `netuid` through the owner's hotkey (a buy).
	Buy { netuid: u16, tao: u64, #[serde(default)] every: u64, #[serde(default)] from: u64, #[serde(default = "forever")] to: u64 },
	/// Unstake `alpha` of what the actors bought on `netuid` (a sell); skipped if they hold less.
	Sell { netuid: u16, alpha: u64, #[serde(default)] every: u64, #[serde(default)] from: u64, #[serde(default = "forever")] to: u64 },
	/// Stake `tao` on root through the owner's hotkey of `netuid`.
	Root { netuid: u16, tao: u64, #[serde(default)] every: u64, #[serde(default)] from: u64, #[serde(default = "forever")] to: u64 },
	/// Unstake `tao` from root through the owner's hotkey of `netuid` (1:1, no fee); skipped if
	/// that hotkey holds less root stake.
	Unroot { netuid: u16, tao: u64, #[serde(default)] every: u64, #[serde(default)] from: u64, #[serde(default = "forever")] to: u64 },
	/// A just-in-time root staker: `lead` blocks before each epoch of `netuid` it stakes `tao` on
	/// root through the hotkey of validator `uid` (default 1), and it unstakes all of it in the
	/// epoch's block, after the epoch has paid (root stake: no swap fee).
	Snipe { netuid: u16, tao: u64, lead: u64, #[serde(default = "first_validator")] uid: u16 },
	/// A pump: buy `tao` on `netuid` at block `buy_at`, sell all of it at `sell_at`.
	Pump { netuid: u16, tao: u64, buy_at: u64, sell_at: u64 },
	/// Random flow: in every block, on each subnet (or those of `netuids`), with probability
	/// `per_mille`/1000 a buy of a uniform amount up to `max_tao`, or a sale of up to the same value
	/// of what the actors hold there; reproducible from `seed`.
	Random {
		seed: u64,
		#[serde(default = "default_per_mille")]
		per_mille: u32,
		max_tao: u64,
		#[serde(default)]
		netuids: Vec<u16>,
	},
}

fn first_validator() -> u16 {
	1
}

fn default_per_mille() -> u32 {
	50
}

fn forever() -> u64 {
	u64::MAX
}

impl ActorSpec {
	fn acts_at(&self, block: u64) -> bool {
		let (every, from, to) = match *self {
			ActorSpec::Buy { every, from, to, .. }
			| ActorSpec::Sell { every, from, to, .. }
			| ActorSpec::Root { every, from, to, .. }
			| ActorSpec::Unroot { every, from, to, .. } => (every, from, to),
			ActorSpec::Pump { buy_at, sell_at, .. } => return block == buy_at || block == sell_at,
			ActorSpec::Random { .. } | ActorSpec::Snipe { .. } => return true,
		};
		if block < from || block > to {
			return false;
		}
		match every {
			0 => block == from,
			e => block.saturating_sub(from).checked_rem(e) == Some(0),
		}
	}
}

/// `[run]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RunSpec {
	/// Blocks to simulate, from block 1.
	pub blocks: u64,
	/// Write a sample every this many blocks.
	pub sample_every: u64,
	/// The subnets drawn in the plots (default: the first eight).
	pub plot_netuids: Vec<u16>,
	/// Write `neurons.csv`: a row per neuron at every epoch of its subnet.
	pub neurons: bool,
}

impl Default for RunSpec {
	fn default() -> Self {
		RunSpec { blocks: 1_000, sample_every: 100, plot_netuids: Vec::new(), neurons: false }
	}
}

/// The most rows a run keeps in memory for `series.csv` (and as many for `neurons.csv`): about
/// 250 bytes each with the plots' samples, so at most about 2.5 GB.
pub const MAX_ROWS: u64 = 10_000_000;

/// The header of `neurons.csv`.
pub const NEURONS_CSV_HEADER: &str = "block,netuid,uid,alpha_stake,root_stake,permit,incentive,dividends,alpha_paid,root_tao_paid";

/// A scenario file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
	pub chain: ChainParams,
	pub subnet: Vec<SubnetSpec>,
	pub actor: Vec<ActorSpec>,
	pub switch: Vec<SwitchSpec>,
	pub run: RunSpec,
}

impl Scenario {
	/// Parse a scenario from TOML; `copies` are expanded into subnets of their own, and the
	/// scenario is checked (`check`).
	pub fn from_toml(text: &str) -> Result<Scenario, String> {
		let s: Scenario = toml::from_str(text).map_err(|e| e.to_string())?;
		s.expanded()
	}

	/// The same from a parsed TOML document (a sweep's runs: errors name keys, not lines).
	pub fn from_value(doc: toml::Value) -> Result<Scenario, String> {
		let s: Scenario = doc.try_into().map_err(|e: toml::de::Error| e.message().to_string())?;
		s.expanded()
	}

	fn expanded(mut self) -> Result<Scenario, String> {
		self.subnet = self
			.subnet
			.into_iter()
			.flat_map(|sn| {
				(0..sn.copies.max(1)).map(move |i| SubnetSpec { netuid: sn.netuid.saturating_add(i), copies: 1, ..sn.clone() })
			})
			.collect();
		self.check()?;
		Ok(self)
	}

	/// Refuse what the chain would refuse or what cannot run: each error names the key and the
	/// range allowed (the chain's own bounds, `dtao_math::bounds`).
	pub fn check(&self) -> Result<(), String> {
		use dtao_math::bounds as b;
		let c = &self.chain;
		if self.subnet.is_empty() {
			return Err("no [[subnet]]: a scenario needs at least one subnet to simulate".into());
		}
		let mut seen = std::collections::BTreeSet::new();
		for sn in &self.subnet {
			if sn.netuid == 0 || !seen.insert(sn.netuid) {
				return Err(format!("subnet netuid {} is 0 or repeated (netuids 1 to 65535, each once)", sn.netuid));
			}
			if sn.start_block == 0 {
				return Err(format!(
					"subnet {}: start_block = 0 never comes (blocks are numbered from 1; 1 starts it in the first block)",
					sn.netuid
				));
			}
			if sn.tao_reserve < c.min_pool_reserve || sn.alpha_reserve < c.min_pool_reserve {
				return Err(format!(
					"subnet {}: tao_reserve and alpha_reserve must be at least chain.min_pool_reserve ({} rao)",
					sn.netuid, c.min_pool_reserve
				));
			}
			let uids = 1usize.saturating_add(sn.validators.len()).saturating_add(usize::from(sn.miners));
			if uids > 512 {
				return Err(format!("subnet {}: {uids} neurons; at most 512 (the dev runtime's MaxNeuronsLimit)", sn.netuid));
			}
		}
		if self.run.blocks == 0 {
			return Err("run.blocks = 0: nothing to simulate (at least 1)".into());
		}
		if self.run.sample_every == 0 {
			return Err("run.sample_every = 0: at least 1 (a sample every this many blocks)".into());
		}
		// What a run keeps in memory: a series row per sample and subnet, and with `run.neurons` a
		// row per neuron and epoch.
		let copies = |sn: &SubnetSpec| u64::from(sn.copies.max(1));
		let subnets: u64 = self.subnet.iter().map(copies).fold(0, u64::saturating_add);
		let samples = self.run.blocks.checked_div(self.run.sample_every).unwrap_or(0).saturating_add(1);
		let rows = samples.saturating_mul(subnets);
		if rows > MAX_ROWS {
			let least = self.run.blocks.div_ceil(MAX_ROWS.checked_div(subnets).unwrap_or(MAX_ROWS).saturating_sub(1).max(1));
			return Err(format!(
				"run.sample_every = {}: {rows} series rows ({samples} samples of {subnets} subnets) would need about {} MB of memory; \
				 at most {MAX_ROWS} rows (sample_every ≥ {least} here)",
				self.run.sample_every,
				rows.saturating_mul(250) / 1_000_000
			));
		}
		if self.run.neurons {
			let tempo = |sn: &SubnetSpec| u64::from(sn.tempo.unwrap_or(c.tempo));
			let rows = self
				.subnet
				.iter()
				.map(|sn| {
					let epochs = self.run.blocks.checked_div(tempo(sn).saturating_add(1)).map_or(0, |e| if tempo(sn) == 0 { 0 } else { e.saturating_add(1) });
					let neurons = (sn.validators.len() as u64).saturating_add(u64::from(sn.miners)).saturating_add(1);
					epochs.saturating_mul(neurons).saturating_mul(copies(sn))
				})
				.fold(0, u64::saturating_add);
			if rows > MAX_ROWS {
				return Err(format!(
					"run.neurons = true: {rows} rows of neurons.csv (a row per neuron and epoch) would need about {} MB of memory; \
					 at most {MAX_ROWS} rows: fewer blocks, neurons or subnets, or a longer tempo",
					rows.saturating_mul(250) / 1_000_000
				));
			}
		}
		let range = |key: &str, v: u128, lo: u128, hi: u128| -> Result<(), String> {
			if v < lo || v > hi {
				Err(format!("chain.{key} = {v}: allowed {lo} to {hi} (as the chain's setter)"))
			} else {
				Ok(())
			}
		};
		range("block_emission", c.block_emission.into(), 0, b::BLOCK_EMISSION_MAX.into())?;
		range("min_pool_reserve", c.min_pool_reserve.into(), 1, u64::MAX.into())?;
		range("moving_price_cap", c.moving_price_cap.into(), 1, u64::MAX.into())?;
		range("flow_half_life", c.flow_half_life.into(), 1, b::FLOW_HALF_LIFE_MAX.into())?;
		range("bonds_moving_average", c.bonds_moving_average.into(), 0, b::BONDS_MOVING_AVERAGE_MAX.into())?;
		range(
			"activity_cutoff_factor_milli",
			c.activity_cutoff_factor_milli.into(),
			b::ACTIVITY_CUTOFF_FACTOR_MILLI_MIN.into(),
			b::ACTIVITY_CUTOFF_FACTOR_MILLI_MAX.into(),
		)?;
		range("max_validators", c.max_validators.into(), 1, b::MAX_VALIDATORS_LIMIT.into())?;
		let policies =
			std::iter::once(("chain.emission_share".to_string(), &c.emission_share)).chain(self.switch.iter().enumerate().map(|(i, sw)| (format!("switch[{i}].emission_share"), &sw.emission_share)));
		for (key, p) in policies {
			p.check(&key)?;
		}
		let netuids: std::collections::BTreeMap<u16, &SubnetSpec> = self.subnet.iter().map(|sn| (sn.netuid, sn)).collect();
		for (i, a) in self.actor.iter().enumerate() {
			let (netuid, uid) = match *a {
				ActorSpec::Buy { netuid, .. }
				| ActorSpec::Sell { netuid, .. }
				| ActorSpec::Root { netuid, .. }
				| ActorSpec::Unroot { netuid, .. }
				| ActorSpec::Pump { netuid, .. } => (Some(netuid), None),
				ActorSpec::Snipe { netuid, uid, .. } => (Some(netuid), Some(uid)),
				ActorSpec::Random { .. } => (None, None),
			};
			if let Some(n) = netuid {
				let Some(sn) = netuids.get(&n) else {
					return Err(format!("actor[{i}]: netuid {n} is not a [[subnet]] of the scenario"));
				};
				if let Some(uid) = uid {
					if uid == 0 || usize::from(uid) > sn.validators.len() {
						return Err(format!("actor[{i}]: uid {uid} is not a validator of subnet {n} (1 to {})", sn.validators.len()));
					}
				}
			}
			if let ActorSpec::Random { netuids: list, .. } = a {
				if let Some(n) = list.iter().find(|n| !netuids.contains_key(n)) {
					return Err(format!("actor[{i}]: netuid {n} is not a [[subnet]] of the scenario"));
				}
			}
		}
		Ok(())
	}

	/// Runs that are legal but useless: an actor that can never trade, a switch after the run.
	/// The command prints them on stderr.
	pub fn warnings(&self) -> Vec<String> {
		let c = &self.chain;
		let last = self.run.blocks;
		let mut out = Vec::new();
		for (i, a) in self.actor.iter().enumerate() {
			let never = match *a {
				ActorSpec::Buy { tao, .. } if tao < c.min_stake => Some(format!("tao = {tao} is below chain.min_stake ({})", c.min_stake)),
				ActorSpec::Sell { alpha: 0, .. } => Some("alpha = 0".to_string()),
				ActorSpec::Root { tao: 0, .. } | ActorSpec::Unroot { tao: 0, .. } | ActorSpec::Snipe { tao: 0, .. } => Some("tao = 0".to_string()),
				ActorSpec::Pump { tao, .. } if tao < c.min_stake => Some(format!("tao = {tao} is below chain.min_stake ({})", c.min_stake)),
				ActorSpec::Pump { buy_at, sell_at, .. } if sell_at <= buy_at || buy_at > last => {
					Some(format!("buy_at = {buy_at}, sell_at = {sell_at}: it must buy within the run and sell later"))
				},
				ActorSpec::Random { max_tao, .. } if max_tao < c.min_stake => {
					Some(format!("max_tao = {max_tao} is below chain.min_stake ({})", c.min_stake))
				},
				ActorSpec::Random { per_mille: 0, .. } => Some("per_mille = 0".to_string()),
				ActorSpec::Buy { from, .. }
				| ActorSpec::Sell { from, .. }
				| ActorSpec::Root { from, .. }
				| ActorSpec::Unroot { from, .. }
					if from > last =>
				{
					Some(format!("from = {from} is after the run's last block ({last})"))
				},
				_ => None,
			};
			if let Some(why) = never {
				out.push(format!("warning: actor[{i}] never trades: {why}"));
			}
		}
		for (i, sw) in self.switch.iter().enumerate() {
			if sw.block > last {
				out.push(format!("warning: switch[{i}] at block {} is after the run's last block ({last}): it never applies", sw.block));
			}
		}
		out
	}
}

/// A neuron of a simulated subnet: what the epoch reads of it, plus its stakes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SimNeuron {
	/// `H(h,n)`: alpha staked on its hotkey.
	pub alpha: u64,
	/// `S(h,0)`: shares of its root share pool, and the root dividends being released to them.
	pub root_shares: u128,
	pub root_vesting: Vesting,
	/// `H(h,0)`: TAO staked on its hotkey on root.
	pub root: u64,
	pub permit: bool,
	pub last_update: u64,
	pub registered_at: u64,
	pub weights: Vec<(u16, u16)>,
	pub bonds: Vec<(u16, u16)>,
	/// At its subnet's last epoch: incentive and dividends as the chain stores them (proportions
	/// over 65535), the alpha paid to its hotkey (miner, validator and kept root alpha) and the root
	/// TAO paid to its root stake.
	pub incentive: u16,
	pub dividends: u16,
	pub alpha_paid: u64,
	pub root_tao_paid: u64,
}

impl SimNeuron {
	/// The root share pool as its holders own it at block `b` (`H` less what is not released).
	fn root_pool(&self, b: u64) -> SharePool {
		SharePool { alpha: self.root.saturating_sub(self.root_vesting.unreleased(b)), shares: self.root_shares }
	}

	/// What `shares` of the root pool are worth at block `b`.
	pub fn root_value(&self, shares: u128, b: u64) -> u64 {
		self.root_pool(b).value(shares)
	}

	/// Stake `tao` on root at block `b`, as `deposit_stake` does; the shares minted.
	fn root_deposit(&mut self, tao: u64, b: u64) -> Option<u128> {
		let held = self.root_vesting.unreleased(b);
		let mut pool = self.root_pool(b);
		let minted = pool.deposit(tao).ok()?;
		self.root = pool.alpha.saturating_add(held);
		self.root_shares = pool.shares;
		Some(minted)
	}

	/// Unstake `tao` of root stake from a holder of `shares` at block `b`, as `withdraw_stake`
	/// does (the last holder takes what is not released too); the TAO removed.
	fn root_withdraw(&mut self, shares: u128, tao: u64, b: u64) -> Option<u64> {
		let held = self.root_vesting.unreleased(b);
		let mut pool = self.root_pool(b);
		let (_, mut removed) = pool.withdraw(shares, tao).ok()?;
		if pool.shares == 0 {
			removed = removed.saturating_add(held);
			self.root_vesting = Vesting::default();
		}
		if removed == 0 {
			return None;
		}
		self.root = self.root.saturating_sub(removed);
		self.root_shares = pool.shares;
		Some(removed)
	}

	/// Pay `tao` of root dividends at block `b`, at once (`release` 0) or released over `release`
	/// blocks, as `pay_to_hotkey` does; a pool without shares makes it the first holder's.
	fn pay_root(&mut self, tao: u64, b: u64, release: u32) {
		if tao == 0 {
			return;
		}
		if self.root_shares == 0 {
			self.root_shares = u128::from(tao).saturating_mul(SHARE_SCALE);
		} else if release > 0 {
			let _ = self.root_vesting.add(tao, b, release);
		}
		self.root = self.root.saturating_add(tao);
	}
}

/// A simulated subnet.
#[derive(Clone, Debug)]
pub struct SimSubnet {
	pub netuid: u16,
	pub start_block: u64,
	pub started_at: Option<u64>,
	pub state: SubnetState,
	pub moving_price: U64F64,
	pub last: BlockRecord,
	pub last_epoch_block: u64,
	/// TAO injected into this subnet since the first block.
	pub tao_emitted: u128,
	/// TAO bought by selling root's alpha since the first block.
	pub root_tao_total: u128,
	/// Root's alpha recycled (the sell gate) since the first block.
	pub root_alpha_recycled_total: u128,
	/// Root's alpha kept for root stakers (`keep_alpha`) since the first block.
	pub root_alpha_kept_total: u128,
	pub neurons: Vec<SimNeuron>,
	/// Uids `1..=validators` are validators; the rest after them are miners.
	pub validators: u16,
	pub weights_every: u64,
	/// `Tempo`.
	pub tempo: u16,
	/// Net user TAO flow of the current block (recorded while started), and its EMA `S_n`.
	pub flow: i64,
	pub flow_ema: I64F64,
}

/// The simulated chain.
#[derive(Clone, Debug)]
pub struct Sim {
	pub params: ChainParams,
	/// The last block simulated (0 before the first).
	pub block: u64,
	pub total_issuance: u64,
	pub root_stake: u64,
	/// In ascending netuid.
	pub subnets: Vec<SimSubnet>,
	pub actors: Vec<ActorSpec>,
	/// Alpha the actors bought and still hold, by subnet.
	pub holdings: std::collections::BTreeMap<u16, u64>,
	/// What each actor paid and received, by index of `actors`.
	pub ledgers: Vec<Ledger>,
	/// Policy switches, by block.
	pub switches: Vec<SwitchSpec>,
	/// The gate's bar `θ` (`GateBar`).
	pub gate_bar: u128,
	rngs: Vec<u64>,
	/// The flow EMA's decay per block and the half-life it is for: it changes only with the
	/// half-life, so it is computed once, not every block.
	flow_decay: (u64, u128),
	/// The started subnets' moving prices and flow EMAs, kept between blocks so that the block
	/// loop does not allocate.
	scratch: (Vec<U64F64>, Vec<I64F64>, Vec<u128>),
}

/// An actor's account of its trades.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ledger {
	/// TAO paid for stake (buys and root stake).
	pub tao_spent: u128,
	/// TAO received from sales.
	pub tao_received: u128,
	/// Alpha bought and not sold (a pump's position).
	pub alpha: u64,
	/// Root shares held (a snipe's position).
	pub root_shares: u128,
	pub trades: u64,
}

impl Ledger {
	/// What the actor gained in TAO (negative: lost), not counting alpha it still holds.
	pub fn profit(&self) -> i128 {
		i128::try_from(self.tao_received).unwrap_or(i128::MAX).saturating_sub(i128::try_from(self.tao_spent).unwrap_or(i128::MAX))
	}
}

/// xorshift64*: a small reproducible generator for the random traders.
fn next_random(state: &mut u64) -> u64 {
	let mut x = *state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	x.wrapping_mul(0x2545_F491_4F6C_DD1D)
}

impl Sim {
	pub fn new(s: &Scenario) -> Sim {
		let mut subnets: Vec<SimSubnet> = s
			.subnet
			.iter()
			.map(|sn| {
				let registered = sn.registered_at.unwrap_or(1);
				let neuron = |alpha: u64, root: u64| SimNeuron {
					alpha,
					root,
					root_shares: u128::from(root).saturating_mul(SHARE_SCALE),
					last_update: registered,
					registered_at: registered,
					..Default::default()
				};
				let mut neurons = vec![neuron(0, 0)];
				neurons.extend(sn.validators.iter().map(|v| {
					let mut n = neuron(v.alpha, v.root);
					if let Some(w) = &v.weights {
						let values: Vec<u16> = w.iter().map(|(_, x)| *x).collect();
						n.weights = w.iter().map(|(j, _)| *j).zip(yuma::max_upscale(&values)).collect();
					}
					n
				}));
				neurons.extend((0..sn.miners).map(|_| neuron(0, 0)));
				let staked: u64 = sn.validators.iter().map(|v| v.alpha).fold(0, u64::saturating_add);
				SimSubnet {
					netuid: sn.netuid,
					start_block: sn.start_block,
					started_at: None,
					state: SubnetState {
						tao_reserve: sn.tao_reserve,
						alpha_reserve: sn.alpha_reserve,
						alpha_outstanding: staked,
						..Default::default()
					},
					moving_price: U64F64::from_bits(0),
					last: BlockRecord::default(),
					last_epoch_block: 0,
					tao_emitted: 0,
					root_tao_total: 0,
					root_alpha_recycled_total: 0,
					root_alpha_kept_total: 0,
					neurons,
					validators: u16::try_from(sn.validators.len()).unwrap_or(u16::MAX),
					weights_every: sn.weights_every.unwrap_or(u64::from(sn.tempo.unwrap_or(s.chain.tempo))),
					tempo: sn.tempo.unwrap_or(s.chain.tempo),
					flow: 0,
					flow_ema: I64F64::from_num(0),
				}
			})
			.collect();
		subnets.sort_by_key(|x| x.netuid);
		let root_from_validators: u64 =
			s.subnet.iter().flat_map(|sn| sn.validators.iter()).map(|v| v.root).fold(0, u64::saturating_add);
		Sim {
			params: s.chain.clone(),
			block: 0,
			total_issuance: s.chain.total_issuance,
			root_stake: s.chain.root_stake.saturating_add(root_from_validators),
			subnets,
			actors: s.actor.clone(),
			holdings: Default::default(),
			ledgers: vec![Ledger::default(); s.actor.len()],
			switches: s.switch.clone(),
			gate_bar: 0,
			flow_decay: (s.chain.flow_half_life, policy::flow_decay(s.chain.flow_half_life)),
			scratch: (Vec::new(), Vec::new(), Vec::new()),
			rngs: s
				.actor
				.iter()
				.map(|a| match a {
					ActorSpec::Random { seed, .. } => seed.max(&1).to_owned(),
					_ => 1,
				})
				.collect(),
		}
	}

	fn block_params(&self) -> BlockParams {
		BlockParams {
			block_emission: self.params.block_emission,
			owner_cut_ppb: self.params.owner_cut.0,
			miner_share_ppb: self.params.miner_share.0,
			tao_weight_ppb: self.params.tao_weight.0,
			root_stake: self.root_stake,
			min_pool_reserve: self.params.min_pool_reserve,
			uncapped_alpha_in: !self.params.alpha_in_cap,
			root_alpha: match self.params.root_dividend_mode {
				RootModeName::KeepAlpha => cb::RootAlphaUse::Keep,
				RootModeName::SellPerBlock
					if self.params.root_sell_gate
						&& cb::total_moving(self.subnets.iter().filter(|s| s.started_at.is_some()).map(|s| s.moving_price))
							<= cb::ONE_BITS =>
				{
					cb::RootAlphaUse::Recycle
				},
				RootModeName::SellPerBlock => cb::RootAlphaUse::Sell,
			},
		}
	}

	/// Simulate the next block: the coinbase and the epochs (the pallet's `on_initialize`), then
	/// what happens in the block: `start_call`s, weights, actors.
	///
	/// The block's split of TAO across subnets reads every started subnet's moving price (and flow
	/// EMA under `TaoFlow`); after it, each subnet's block step, moving price, epoch and weights
	/// read and write that subnet alone, so they run subnet by subnet in one pass.
	pub fn step(&mut self) {
		self.block = self.block.saturating_add(1);
		let b = self.block;
		if let Some(sw) = self.switches.iter().rfind(|sw| sw.block == b) {
			self.params.emission_share = sw.emission_share;
		}
		let block = self.block_context(b);
		let weights = std::mem::take(&mut self.scratch.2);
		let (minted, root_paid) = subnets_block(&mut self.subnets, &weights, &block);
		self.scratch.2 = weights;
		self.total_issuance = self.total_issuance.saturating_add(minted);
		self.root_stake = self.root_stake.saturating_add(root_paid);
		for a in 0..self.actors.len() {
			self.act(a, b);
		}
		// A switch is root's call in the block before: it clears the gate's bar there.
		if self.switches.iter().any(|sw| sw.block == b.saturating_add(1)) {
			self.gate_bar = 0;
		}
	}

	/// What every subnet's part of block `b` reads (docs/mechanism.md §6.2–§6.3 before the
	/// subnets' steps): the block's emission, its parameters, and each started subnet's weight in
	/// the split (in `scratch.2`, one entry per subnet, 0 for a subnet not started), through
	/// `dtao_math::coinbase` and `dtao_math::policy`.
	fn block_context(&mut self, b: u64) -> BlockContext {
		let params = self.block_params();
		let emission = block_emission(self.total_issuance, params.block_emission);
		if self.flow_decay.0 != self.params.flow_half_life {
			self.flow_decay = (self.params.flow_half_life, policy::flow_decay(self.params.flow_half_life));
		}
		let decay = self.flow_decay.1;
		let (rule, gate) = self.params.emission_share.to_math();
		// The flow EMAs take in the last block's flow, whatever the rule. Only `TaoFlow` reads them
		// for the split; under the other rules each subnet's step takes them in (the same values).
		let flows_first = matches!(rule, policy::Rule::TaoFlow { .. });
		let (mut moving, mut emas, mut all) = std::mem::take(&mut self.scratch);
		moving.clear();
		emas.clear();
		for s in self.subnets.iter_mut().filter(|s| s.started_at.is_some()) {
			if flows_first {
				s.flow_ema = policy::flow_ema_step(s.flow_ema, s.flow, decay);
				s.flow = 0;
			}
			moving.push(s.moving_price);
			emas.push(s.flow_ema);
		}
		let refresh = b.checked_rem(u64::from(self.params.tempo).saturating_add(1)) == Some(0);
		policy::block_weights_into(rule, gate, &moving, &emas, &mut self.gate_bar, refresh, &mut all);
		let total = policy::total_weight(&all);
		if all.len() < self.subnets.len() {
			// Some subnets are not started: one entry per subnet, 0 for those.
			let mut started = std::mem::take(&mut all).into_iter();
			all = self.subnets.iter().map(|s| if s.started_at.is_some() { started.next().unwrap_or(0) } else { 0 }).collect();
		}
		self.scratch = (moving, emas, all);
		let p = &self.params;
		BlockContext {
			block: b,
			emission,
			total_weight: total,
			params,
			flow_decay: (!flows_first).then_some(decay),
			moving_price_cap: cb::from_rao_price(p.moving_price_cap),
			moving_alpha_ppb: p.moving_alpha.0,
			moving_halving_blocks: p.moving_halving_blocks,
			tao_weight_ppb: p.tao_weight.0,
			kappa: p.kappa,
			bonds_moving_average: p.bonds_moving_average,
			bonds_penalty: p.bonds_penalty,
			activity_cutoff_factor_milli: p.activity_cutoff_factor_milli,
			max_validators: p.max_validators,
			dividend_accrual: p.dividend_accrual,
		}
	}

	/// A user stake of `tao` into `netuid` through the owner's hotkey, as `add_stake` makes it;
	/// the alpha bought, or `None` where the chain would refuse it.
	fn buy(&mut self, netuid: u16, tao: u64) -> Option<u64> {
		let (fee, floor, min_stake) = (self.params.swap_fee.0, self.params.min_pool_reserve, self.params.min_stake.max(1));
		let sn = self.subnets.iter_mut().find(|s| s.netuid == netuid && s.started_at.is_some())?;
		if tao < min_stake {
			return None;
		}
		let market = Market::Pool { tao: sn.state.tao_reserve, alpha: sn.state.alpha_reserve };
		let o = dtao_math::buy(market, tao, fee, floor).ok()?;
		if let Market::Pool { tao, alpha } = o.after {
			sn.state.tao_reserve = tao;
			sn.state.alpha_reserve = alpha;
		}
		sn.state.alpha_outstanding = sn.state.alpha_outstanding.saturating_add(o.amount_out);
		sn.flow = sn.flow.saturating_add(i64::try_from(o.amount_in).unwrap_or(i64::MAX));
		if let Some(owner) = sn.neurons.get_mut(0) {
			owner.alpha = owner.alpha.saturating_add(o.amount_out);
		}
		let h = self.holdings.entry(netuid).or_insert(0);
		*h = h.saturating_add(o.amount_out);
		Some(o.amount_out)
	}

	/// A user unstake of `alpha` from what the actors hold on `netuid`, as `remove_stake` makes
	/// it; the TAO received, or `None` where the chain would refuse it.
	fn sell(&mut self, netuid: u16, alpha: u64) -> Option<u64> {
		let (fee, floor) = (self.params.swap_fee.0, self.params.min_pool_reserve);
		let held = self.holdings.get(&netuid).copied().unwrap_or(0);
		let sn = self.subnets.iter_mut().find(|s| s.netuid == netuid)?;
		if alpha == 0 || alpha > held {
			return None;
		}
		let (t, r) = (sn.state.tao_reserve, sn.state.alpha_reserve);
		let value = u128::from(alpha).saturating_mul(u128::from(t)).checked_div(u128::from(r)).unwrap_or(0);
		if value < u128::from(self.params.min_stake) && alpha != held {
			return None;
		}
		let o = dtao_math::sell(Market::Pool { tao: t, alpha: r }, alpha, fee, floor).ok()?;
		if let Market::Pool { tao, alpha } = o.after {
			sn.state.tao_reserve = tao;
			sn.state.alpha_reserve = alpha;
		}
		sn.state.alpha_outstanding = sn.state.alpha_outstanding.saturating_sub(alpha);
		if sn.started_at.is_some() {
			sn.flow = sn.flow.saturating_sub(i64::try_from(o.amount_out).unwrap_or(i64::MAX));
		}
		if let Some(owner) = sn.neurons.get_mut(0) {
			owner.alpha = owner.alpha.saturating_sub(alpha);
		}
		self.holdings.insert(netuid, held.saturating_sub(alpha));
		Some(o.amount_out)
	}

	/// Actor `a`'s trades in block `b`; a trade the chain would refuse is skipped.
	fn act(&mut self, a: usize, b: u64) {
		let Some(actor) = self.actors.get(a).cloned() else { return };
		if !actor.acts_at(b) {
			return;
		}
		let mut ledger = self.ledgers.get(a).copied().unwrap_or_default();
		match actor {
			ActorSpec::Buy { netuid, tao, .. } => {
				if let Some(alpha) = self.buy(netuid, tao) {
					ledger.tao_spent = ledger.tao_spent.saturating_add(u128::from(tao));
					ledger.alpha = ledger.alpha.saturating_add(alpha);
					ledger.trades = ledger.trades.saturating_add(1);
				}
			},
			ActorSpec::Sell { netuid, alpha, .. } => {
				if let Some(tao) = self.sell(netuid, alpha) {
					ledger.tao_received = ledger.tao_received.saturating_add(u128::from(tao));
					ledger.trades = ledger.trades.saturating_add(1);
				}
			},
			ActorSpec::Root { netuid, tao, .. } => {
				let min_stake = self.params.min_stake.max(1);
				let Some(sn) = self.subnets.iter_mut().find(|s| s.netuid == netuid) else { return };
				if tao < min_stake {
					return;
				}
				if let Some(owner) = sn.neurons.get_mut(0) {
					if owner.root_deposit(tao, b).is_none() {
						return;
					}
				}
				self.root_stake = self.root_stake.saturating_add(tao);
				ledger.tao_spent = ledger.tao_spent.saturating_add(u128::from(tao));
				ledger.trades = ledger.trades.saturating_add(1);
			},
			ActorSpec::Unroot { netuid, tao, .. } => {
				let Some(sn) = self.subnets.iter_mut().find(|s| s.netuid == netuid) else { return };
				let Some(owner) = sn.neurons.get_mut(0) else { return };
				let Some(tao) = owner.root_withdraw(owner.root_shares, tao, self.block) else { return };
				self.root_stake = self.root_stake.saturating_sub(tao);
				ledger.tao_received = ledger.tao_received.saturating_add(u128::from(tao));
				ledger.trades = ledger.trades.saturating_add(1);
			},
			ActorSpec::Snipe { netuid, tao, lead, uid } => {
				let min_stake = self.params.min_stake.max(1);
				let Some(sn) = self.subnets.iter_mut().find(|s| s.netuid == netuid) else { return };
				let tempo = sn.tempo;
				let Some(n) = sn.neurons.get_mut(usize::from(uid)) else { return };
				if ledger.root_shares > 0 && yuma::is_epoch_block(netuid, tempo, b) {
					let value = n.root_value(ledger.root_shares, b);
					if let Some(out) = n.root_withdraw(ledger.root_shares, value, b) {
						self.root_stake = self.root_stake.saturating_sub(out);
						ledger.tao_received = ledger.tao_received.saturating_add(u128::from(out));
						ledger.root_shares = 0;
						ledger.trades = ledger.trades.saturating_add(1);
					}
				}
				if ledger.root_shares == 0 && tao >= min_stake && yuma::is_epoch_block(netuid, tempo, b.saturating_add(lead)) {
					if let Some(minted) = n.root_deposit(tao, b) {
						self.root_stake = self.root_stake.saturating_add(tao);
						ledger.root_shares = minted;
						ledger.tao_spent = ledger.tao_spent.saturating_add(u128::from(tao));
						ledger.trades = ledger.trades.saturating_add(1);
					}
				}
			},
			ActorSpec::Pump { netuid, tao, buy_at, sell_at } => {
				// The pump's alpha is its own: the other actors cannot sell it.
				if b == buy_at {
					if let Some(alpha) = self.buy(netuid, tao) {
						ledger.tao_spent = ledger.tao_spent.saturating_add(u128::from(tao));
						ledger.alpha = ledger.alpha.saturating_add(alpha);
						ledger.trades = ledger.trades.saturating_add(1);
						let h = self.holdings.entry(netuid).or_insert(0);
						*h = h.saturating_sub(alpha);
					}
				}
				if b == sell_at && ledger.alpha > 0 {
					let h = self.holdings.entry(netuid).or_insert(0);
					*h = h.saturating_add(ledger.alpha);
					if let Some(received) = self.sell(netuid, ledger.alpha) {
						ledger.tao_received = ledger.tao_received.saturating_add(u128::from(received));
						ledger.alpha = 0;
						ledger.trades = ledger.trades.saturating_add(1);
					} else {
						let h = self.holdings.entry(netuid).or_insert(0);
						*h = h.saturating_sub(ledger.alpha);
					}
				}
			},
			ActorSpec::Random { per_mille, max_tao, netuids, .. } => {
				let mut rng = self.rngs.get(a).copied().unwrap_or(1);
				let targets: Vec<u16> =
					if netuids.is_empty() { self.subnets.iter().map(|s| s.netuid).collect() } else { netuids };
				for netuid in targets {
					if next_random(&mut rng) % 1_000 >= u64::from(per_mille) {
						continue;
					}
					let amount = next_random(&mut rng).checked_rem(max_tao).unwrap_or(0);
					if next_random(&mut rng).is_multiple_of(2) {
						if let Some(alpha) = self.buy(netuid, amount) {
							ledger.tao_spent = ledger.tao_spent.saturating_add(u128::from(amount));
							ledger.alpha = ledger.alpha.saturating_add(alpha);
							ledger.trades = ledger.trades.saturating_add(1);
						}
					} else {
						// Sell alpha worth about `amount` at the spot price, at most what is held.
						let Some(sn) = self.subnets.iter().find(|s| s.netuid == netuid) else { continue };
						let alpha = u128::from(amount)
							.saturating_mul(u128::from(sn.state.alpha_reserve))
							.checked_div(u128::from(sn.state.tao_reserve))
							.unwrap_or(0);
						let held = self.holdings.get(&netuid).copied().unwrap_or(0);
						let alpha = u64::try_from(alpha).unwrap_or(u64::MAX).min(held);
						if let Some(tao) = self.sell(netuid, alpha) {
							ledger.tao_received = ledger.tao_received.saturating_add(u128::from(tao));
							ledger.alpha = ledger.alpha.saturating_sub(alpha);
							ledger.trades = ledger.trades.saturating_add(1);
						}
					}
				}
				if let Some(r) = self.rngs.get_mut(a) {
					*r = rng;
				}
			},
		}
		if let Some(l) = self.ledgers.get_mut(a) {
			*l = ledger;
		}
	}
}

/// What each subnet's part of a block reads: the block's figures and the chain's parameters.
#[derive(Clone, Copy, Debug)]
struct BlockContext {
	block: u64,
	/// `E`: the block's TAO emission.
	emission: u64,
	/// `M`: the sum of the started subnets' weights in the split.
	total_weight: u128,
	params: BlockParams,
	/// The flow EMA's decay, where the subnets' steps take in the last block's flow (it was not
	/// needed for the split).
	flow_decay: Option<u128>,
	moving_price_cap: U64F64,
	moving_alpha_ppb: u32,
	moving_halving_blocks: u64,
	tao_weight_ppb: u32,
	kappa: u16,
	bonds_moving_average: u64,
	bonds_penalty: u16,
	activity_cutoff_factor_milli: u32,
	max_validators: u16,
	dividend_accrual: AccrualName,
}

/// Each subnet's part of block `c.block`, in the pallet's order: its TAO (`weights`, one per
/// subnet), its block step and moving price (§6.2–§6.3), its epoch if due, then `start_call` and
/// weights. Returns the TAO minted and the root TAO paid to root stake.
fn subnets_block(subnets: &mut [SimSubnet], weights: &[u128], c: &BlockContext) -> (u64, u64) {
	let (mut minted, mut root_paid) = (0u64, 0u64);
	for (sn, w) in subnets.iter_mut().zip(weights.iter().copied().chain(std::iter::repeat(0))) {
		if let Some(started) = sn.started_at {
			if let Some(decay) = c.flow_decay {
				sn.flow_ema = policy::flow_ema_step(sn.flow_ema, sn.flow, decay);
				sn.flow = 0;
			}
			let tau = cb::tao_share(c.emission, U64F64::from_bits(w), c.total_weight);
			minted = minted.saturating_add(tau);
			sn.last = cb::subnet_block(&mut sn.state, tau, &c.params);
			sn.tao_emitted = sn.tao_emitted.saturating_add(u128::from(tau));
			sn.root_tao_total = sn.root_tao_total.saturating_add(u128::from(sn.last.root_tao_bought));
			sn.root_alpha_recycled_total = sn.root_alpha_recycled_total.saturating_add(u128::from(sn.last.root_alpha_recycled));
			sn.root_alpha_kept_total = sn.root_alpha_kept_total.saturating_add(u128::from(sn.last.root_alpha_kept));
			let spot = cb::price(sn.state.tao_reserve, sn.state.alpha_reserve);
			sn.moving_price = cb::moving_price_step(
				sn.moving_price,
				spot,
				c.moving_price_cap,
				c.moving_alpha_ppb,
				c.block.saturating_sub(started),
				c.moving_halving_blocks,
			);
		}
		if yuma::is_epoch_block(sn.netuid, sn.tempo, c.block) {
			root_paid = root_paid.saturating_add(sn.epoch(c));
		}
		if sn.started_at.is_none() && sn.start_block == c.block {
			sn.started_at = Some(c.block);
		}
		set_weights(sn, c.block);
	}
	(minted, root_paid)
}

impl SimSubnet {
	/// docs/mechanism.md §6.4–§6.5 with Yuma Consensus: the owner's cut to its hotkey, the pots
	/// split by `dtao_math::yuma`, root dividends to root stake.
	/// The root TAO paid to root stake is returned (it adds to `T_0`).
	fn epoch(&mut self, c: &BlockContext) -> u64 {
		let (b, tempo) = (c.block, self.tempo);
		let params = YumaParams {
			tao_weight_ppb: c.tao_weight_ppb,
			kappa: c.kappa,
			bonds_moving_average: c.bonds_moving_average,
			bonds_penalty: c.bonds_penalty,
			activity_cutoff: yuma::activity_cutoff(c.activity_cutoff_factor_milli, tempo),
			max_validators: c.max_validators,
		};
		let tao_weight = c.tao_weight_ppb;
		let release = match c.dividend_accrual {
			AccrualName::AtEpoch => 0,
			AccrualName::OverTempo => u32::from(tempo).saturating_add(1),
		};
		let mut root_paid: u64 = 0;
		let sn = self;
		let neurons: Vec<YumaNeuron> = sn
			.neurons
			.iter()
			.map(|n| YumaNeuron {
				alpha_stake: n.alpha,
				root_stake: n.root,
				permit: n.permit,
				last_update: n.last_update,
				registered_at: n.registered_at,
			})
			.collect();
		let weights: Vec<Vec<(u16, u16)>> = sn.neurons.iter().map(|n| n.weights.clone()).collect();
		let bonds: Vec<Vec<(u16, u16)>> = sn.neurons.iter().map(|n| n.bonds.clone()).collect();
		let out = yuma::epoch(&EpochInput {
			block: b,
			tempo,
			last_epoch_block: sn.last_epoch_block,
			owner_uid: Some(0),
			neurons: &neurons,
			weights: &weights,
			bonds: &bonds,
			params,
		});
		let st = &mut sn.state;
		// Owner.
		if let Some(owner) = sn.neurons.get_mut(0) {
			owner.alpha = owner.alpha.saturating_add(st.pending_owner_alpha);
			st.pending_owner_alpha = 0;
		}
		let pots = Pots { miner: st.pending_miner_alpha, validator: st.pending_validator_alpha, root: st.pending_root_tao };
		let split = yuma::split_pots(&neurons, &out, tao_weight, pots);
		if split.miners_to_validators {
			st.pending_validator_alpha = st.pending_validator_alpha.saturating_add(st.pending_miner_alpha);
			st.pending_miner_alpha = 0;
		}
		let kept = Pots { miner: 0, validator: 0, root: st.pending_root_alpha };
		let kept_split = yuma::split_pots(&neurons, &out, tao_weight, kept);
		for (j, n) in sn.neurons.iter_mut().enumerate() {
			let root_alpha = kept_split.root_tao.get(j).copied().unwrap_or(0);
			n.alpha = n.alpha.saturating_add(root_alpha);
			st.pending_root_alpha = st.pending_root_alpha.saturating_sub(root_alpha);
			let miner = split.miner.get(j).copied().unwrap_or(0);
			let alpha = split.validator_alpha.get(j).copied().unwrap_or(0);
			let root = split.root_tao.get(j).copied().unwrap_or(0);
			n.alpha = n.alpha.saturating_add(miner).saturating_add(alpha);
			n.pay_root(root, b, release);
			n.incentive = out.incentive.get(j).copied().map_or(0, yuma::to_u16_proportion);
			n.dividends = out.dividends.get(j).copied().map_or(0, yuma::to_u16_proportion);
			n.alpha_paid = miner.saturating_add(alpha).saturating_add(root_alpha);
			n.root_tao_paid = root;
			st.pending_miner_alpha = st.pending_miner_alpha.saturating_sub(miner);
			st.pending_validator_alpha = st.pending_validator_alpha.saturating_sub(alpha);
			st.pending_root_tao = st.pending_root_tao.saturating_sub(root);
			root_paid = root_paid.saturating_add(root);
			n.permit = out.new_permits.get(j).copied().unwrap_or(false);
			n.bonds = out.new_bonds.get(j).cloned().unwrap_or_default();
		}
		sn.last_epoch_block = b;
		root_paid
	}

}

/// Validators that may set weights (the owner's hotkey, and those holding a permit) set equal
/// weights on every miner in the blocks their schedule names; stored max-upscaled (all 65535).
fn set_weights(sn: &mut SimSubnet, b: u64) {
	let due = match sn.weights_every {
		0 => b == 2,
		e => b.checked_rem(e) == Some(0),
	};
	if !due {
		return;
	}
	let first_miner = sn.validators.saturating_add(1);
	let count = u16::try_from(sn.neurons.len()).unwrap_or(u16::MAX);
	if first_miner >= count {
		return;
	}
	let row: Vec<(u16, u16)> = (first_miner..count).map(|j| (j, u16::MAX)).collect();
	for (uid, n) in sn.neurons.iter_mut().enumerate().take(usize::from(first_miner)) {
		if uid == 0 || n.permit {
			// A validator given explicit weights keeps them; the others weight every miner.
			if uid == 0 || n.weights.is_empty() {
				n.weights = row.clone();
			}
			n.last_update = b;
		}
	}
}

/// The header of `series.csv`.
pub const CSV_HEADER: &str = "block,netuid,tao_reserve,alpha_reserve,alpha_outstanding,spot_price,moving_price,root_proportion_ppb,tao_in,alpha_in,alpha_out,root_alpha_sold,root_tao_bought,tao_emitted,total_issuance,flow_ema";

impl Sim {
	/// One `series.csv` row per subnet for the current block.
	pub fn csv_rows(&self) -> Vec<String> {
		self.subnets
			.iter()
			.map(|s| {
				let st = &s.state;
				format!(
					"{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
					self.block,
					s.netuid,
					st.tao_reserve,
					st.alpha_reserve,
					st.alpha_outstanding,
					dtao_math::spot_price(st.tao_reserve, st.alpha_reserve),
					cb::to_rao_price(s.moving_price),
					s.last.root_proportion_ppb(),
					s.last.tao_in,
					s.last.alpha_in,
					s.last.alpha_out,
					s.last.root_alpha_sold,
					s.last.root_tao_bought,
					s.tao_emitted,
					self.total_issuance,
					// Rounded toward zero to a rao per block.
					s.flow_ema.to_num::<i64>(),
				)
			})
			.collect()
	}
}

#[cfg(test)]
// A test panics on overflow or a bad index, which is what it should do.
#[allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]
mod tests {
	use super::*;

	fn shipped(name: &str) -> Scenario {
		// Read at run time: a test binary built from another checkout sharing the target folder
		// must still read this checkout's files.
		let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string());
		let path = format!("{dir}/scenarios/{name}.toml");
		let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
		Scenario::from_toml(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
	}

	/// Each bad scenario is refused with an error naming the key and what is allowed.
	#[test]
	fn bad_scenarios_are_refused_by_name() {
		let subnet = "[[subnet]]\nnetuid = 1\n";
		let rows: Vec<(String, &str)> = vec![
			(String::new(), "no [[subnet]]"),
			("[run]\nblocks = 10\n".into(), "no [[subnet]]"),
			("[[subnet]]\nnetuid = 1\nstart_block = 0\n".into(), "start_block = 0 never comes"),
			("[[subnet]]\nnetuid = 0\n".into(), "netuid 0 is 0 or repeated"),
			("[[subnet]]\nnetuid = 1\n[[subnet]]\nnetuid = 1\n".into(), "netuid 1 is 0 or repeated"),
			("[[subnet]]\nnetuid = 1\ntao_reserve = 10\n".into(), "must be at least chain.min_pool_reserve"),
			("[[subnet]]\nnetuid = 1\nminers = 600\n".into(), "at most 512"),
			(format!("{subnet}[run]\nblocks = 0\n"), "run.blocks = 0"),
			(format!("{subnet}[run]\nsample_every = 0\n"), "run.sample_every = 0"),
			(format!("[chain]\nmoving_price_cap = 0\n{subnet}"), "chain.moving_price_cap = 0: allowed 1"),
			(format!("[chain]\nblock_emission = 20000000000000000\n{subnet}"), "chain.block_emission = 20000000000000000: allowed 0 to 10500000000000000"),
			(format!("[chain]\nmin_pool_reserve = 0\n{subnet}"), "chain.min_pool_reserve = 0"),
			(format!("[chain]\nflow_half_life = 0\n{subnet}"), "chain.flow_half_life = 0: allowed 1 to 100000000"),
			(format!("[chain]\nbonds_moving_average = 1000001\n{subnet}"), "chain.bonds_moving_average = 1000001"),
			(format!("[chain]\nactivity_cutoff_factor_milli = 999\n{subnet}"), "chain.activity_cutoff_factor_milli = 999: allowed 1000 to 50000"),
			(format!("[chain]\nmax_validators = 0\n{subnet}"), "chain.max_validators = 0: allowed 1 to 128"),
			(format!("[chain]\ntao_weight = 1.5\n{subnet}"), "fraction 1.5 is not between 0 and 1"),
			(format!("[chain.emission_share]\nrule = \"tao_flow\"\ncutoff = 5\n{subnet}"), "chain.emission_share.cutoff = 5: at most 0"),
			(format!("[chain.emission_share]\nrule = \"tao_flow\"\nexponent = 20.0\n{subnet}"), "chain.emission_share.exponent = 20: allowed 0.001 to 10"),
			(
				format!("[chain.emission_share]\nrule = \"moving_price\"\ngate = {{ quantile = 0.5, exponent = 40 }}\n{subnet}"),
				"chain.emission_share.gate.exponent = 40: allowed 1 to 16",
			),
			(
				format!("{subnet}[[switch]]\nblock = 5\nemission_share = {{ rule = \"tao_flow\", cutoff = 1 }}\n"),
				"switch[0].emission_share.cutoff = 1",
			),
			(format!("{subnet}[[actor]]\nkind = \"buy\"\nnetuid = 2\ntao = 1000000000\n"), "actor[0]: netuid 2 is not a [[subnet]]"),
			(format!("{subnet}[[actor]]\nkind = \"snipe\"\nnetuid = 1\ntao = 1\nlead = 2\n"), "actor[0]: uid 1 is not a validator of subnet 1"),
			(format!("{subnet}[[actor]]\nkind = \"random\"\nseed = 1\nmax_tao = 5\nnetuids = [3]\n"), "actor[0]: netuid 3 is not a [[subnet]]"),
			// What would not fit in memory: a year of 128 subnets sampled every block.
			(
				"[[subnet]]\nnetuid = 1\ncopies = 128\n[run]\nblocks = 2628000\nsample_every = 1\n".into(),
				"run.sample_every = 1: 336384128 series rows (2628001 samples of 128 subnets) would need about 84096 MB of memory; at most 10000000 rows (sample_every ≥ 34",
			),
			(
				"[[subnet]]\nnetuid = 1\nminers = 500\n[chain]\ntempo = 9\n[run]\nblocks = 2628000\nsample_every = 7200\nneurons = true\n".into(),
				"run.neurons = true: 131663301 rows of neurons.csv",
			),
		];
		for (text, expected) in rows {
			let err = Scenario::from_toml(&text).expect_err(&format!("refused: {text}"));
			assert!(err.contains(expected), "{text:?}: {err:?} does not say {expected:?}");
		}
	}

	/// `run.neurons` writes a row per neuron at each epoch of its subnet, with the incentive
	/// (summing to 65535 within rounding where there is any) and what the epoch paid; the series
	/// is the same with or without it.
	#[test]
	fn neurons_csv_has_a_row_per_neuron_at_each_epoch() {
		let mut s = shipped("smoke");
		s.run.neurons = true;
		let r = crate::run::run(&s, |_| {});
		let text = r.neurons_csv.clone().expect("asked for");
		let mut lines = text.lines();
		assert_eq!(lines.next(), Some(NEURONS_CSV_HEADER));
		let rows: Vec<Vec<u64>> = lines.map(|l| l.split(',').map(|x| x.parse().expect("integer")).collect()).collect();
		let expected: usize = r
			.sim
			.subnets
			.iter()
			.map(|sn| (1..=s.run.blocks).filter(|b| yuma::is_epoch_block(sn.netuid, sn.tempo, *b)).count() * sn.neurons.len())
			.sum();
		assert!(expected > 0);
		assert_eq!(rows.len(), expected);
		let mut groups: std::collections::BTreeMap<(u64, u64), (u64, u64, u64)> = Default::default();
		for row in &rows {
			let g = groups.entry((row[0], row[1])).or_default();
			g.0 += row[6];
			g.1 += 1;
			g.2 += row[8];
		}
		assert!(groups.values().any(|g| g.0 > 0 && g.2 > 0), "some epoch paid incentive and alpha");
		for ((block, netuid), (incentive, n, _)) in groups {
			assert!(incentive == 0 || (65_535 - n..=65_535 + n).contains(&incentive), "{block}/{netuid}: {incentive}");
		}
		s.run.neurons = false;
		let plain = crate::run::run(&s, |_| {});
		assert!(plain.neurons_csv.is_none());
		assert_eq!(plain.series_csv, r.series_csv);
	}

	/// A legal but useless scenario runs, with a warning for each part that never acts.
	#[test]
	fn useless_actors_and_switches_are_warned_of() {
		let text = "[[subnet]]\nnetuid = 1\n[run]\nblocks = 100\n\
			[[actor]]\nkind = \"buy\"\nnetuid = 1\ntao = 10\n\
			[[actor]]\nkind = \"sell\"\nnetuid = 1\nalpha = 0\n\
			[[actor]]\nkind = \"buy\"\nnetuid = 1\ntao = 1000000000\nfrom = 500\n\
			[[actor]]\nkind = \"random\"\nseed = 3\nmax_tao = 1000000000\nper_mille = 0\n\
			[[actor]]\nkind = \"buy\"\nnetuid = 1\ntao = 1000000000\n\
			[[switch]]\nblock = 200\nemission_share = { rule = \"moving_price\" }\n";
		let s = Scenario::from_toml(text).expect("legal");
		let w = s.warnings();
		assert_eq!(w.len(), 5, "{w:?}");
		assert!(w[0].contains("actor[0] never trades: tao = 10 is below chain.min_stake"));
		assert!(w[1].contains("actor[1] never trades: alpha = 0"));
		assert!(w[2].contains("actor[2] never trades: from = 500 is after the run's last block (100)"));
		assert!(w[3].contains("actor[3] never trades: per_mille = 0"));
		assert!(w[4].contains("switch[0] at block 200"));
	}

	#[test]
	fn shipped_scenarios_parse() {
		for name in ["root-share", "alpha-cap", "pump", "root-sell", "speed", "smoke", "policy-switch", "snipe"] {
			let s = shipped(name);
			assert!(!s.subnet.is_empty(), "{name}");
		}
		let switch = shipped("policy-switch");
		assert_eq!(switch.switch.len(), 2);
		assert_eq!(switch.switch[0].emission_share.rule, RuleName::TaoFlow);
		assert_eq!(switch.switch[0].emission_share.to_math().0, policy::Rule::TaoFlow { cutoff: -100_000_000, exponent_milli: 1000 });
		let gated: Scenario =
			Scenario::from_toml("[chain.emission_share]\nrule = \"moving_price\"\ngate = { quantile = 0.5, exponent = 2 }\n[[subnet]]\nnetuid = 1")
				.expect("parses");
		assert_eq!(gated.chain.emission_share.to_math().1, Some(policy::Gate { quantile_ppb: 500_000_000, exponent: 2 }));
		assert!(Scenario::from_toml("[chain.emission_share]\nrule = \"by_vibes\"").is_err());
		assert_eq!(shipped("pump").subnet.len(), 128, "copies expand");
		assert_eq!(shipped("root-share").chain.tao_weight, Fraction(180_000_000));
		assert!(Scenario::from_toml("[chain]\nno_such_key = 1").is_err());
		assert_eq!(shipped("snipe").chain.dividend_accrual, AccrualName::AtEpoch);
		assert!(matches!(shipped("snipe").actor[0], ActorSpec::Snipe { lead: 1, uid: 1, .. }));
		assert!(Scenario::from_toml("[chain]\ntao_weight = 1.5").is_err());
		assert!(Scenario::from_toml("[[subnet]]\nnetuid = 0").is_err());
	}

	/// Every actor trades, and the books hold after every block: each subnet's outstanding alpha
	/// is its stakes plus its pending alpha, and issuance grew by exactly the TAO injected.
	#[test]
	fn smoke_run_keeps_the_books() {
		let s = shipped("smoke");
		let mut sim = Sim::new(&s);
		let issuance = sim.total_issuance;
		for _ in 0..s.run.blocks {
			sim.step();
			let mut emitted = 0u128;
			for sn in &sim.subnets {
				let staked: u64 = sn.neurons.iter().map(|n| n.alpha).sum();
				let st = &sn.state;
				let pending = st.pending_owner_alpha + st.pending_miner_alpha + st.pending_validator_alpha + st.pending_root_alpha;
				assert_eq!(st.alpha_outstanding, staked + pending, "block {}, subnet {}", sim.block, sn.netuid);
				emitted += sn.tao_emitted;
			}
			assert_eq!(u128::from(sim.total_issuance), u128::from(issuance) + emitted);
		}
		for (i, l) in sim.ledgers.iter().enumerate() {
			assert!(l.trades > 0, "actor {i} never traded");
		}
		// The validator with explicit weights got a permit and bonds on the miner it weights most.
		let sn1 = &sim.subnets[0];
		assert!(sn1.neurons[1].permit);
		assert!(sn1.neurons[1].bonds.iter().any(|(j, b)| *j == 2 && *b > 0));
		assert!(sn1.neurons[2].alpha > sn1.neurons[3].alpha, "miner 2 earned more than miner 3");
		assert!(sim.subnets[1].started_at == Some(5));
	}

	/// The snipe of root dividends (`docs/policies.md`): stake 100 TAO 2 blocks before each epoch
	/// (tempo 9) beside a validator's 100 TAO, unstake in the epoch's block. At the epoch it takes
	/// about half of each payment; released over the tempo, about half of 2 blocks' release in
	/// 10. The root books hold after every block: `T_0` is every hotkey's root pool.
	#[test]
	fn a_snipe_earns_only_the_blocks_it_held() {
		let text = |accrual: &str| {
			format!(
				"[chain]\ntotal_issuance = 9_000_000_000_000_000\ntempo = 9\ndividend_accrual = \"{accrual}\"\n\
				 [[subnet]]\nnetuid = 1\ntao_reserve = 1_000_000_000_000\nalpha_reserve = 1_000_000_000_000\n\
				 validators = [{{ alpha = 1_000_000_000_000, root = 100_000_000_000 }}]\n\
				 [[actor]]\nkind = \"snipe\"\nnetuid = 1\ntao = 100_000_000_000\nlead = 2\n"
			)
		};
		let profit = |accrual: &str| {
			let s = Scenario::from_toml(&text(accrual)).expect("parses");
			let mut sim = Sim::new(&s);
			for _ in 0..1_000 {
				sim.step();
				let pools: u64 = sim.subnets.iter().flat_map(|sn| sn.neurons.iter()).map(|n| n.root).sum();
				assert_eq!(sim.root_stake, s.chain.root_stake + pools, "block {}", sim.block);
				let v = &sim.subnets[0].neurons[1];
				assert!(v.root_vesting.unreleased(sim.block) <= v.root);
			}
			let l = sim.ledgers[0];
			assert_eq!(l.trades, 2 * 100, "one stake and one unstake per epoch");
			l.profit()
		};
		let (at_epoch, over_tempo) = (profit("at_epoch"), profit("over_tempo"));
		assert!(at_epoch > 0 && over_tempo > 0);
		assert!(over_tempo * 3 < at_epoch, "{over_tempo} vs {at_epoch}");
	}

	/// The sell gate (`root_sell_gate`): while the started subnets' moving prices add up to at
	/// most 1, root's alpha is recycled (out of `O_n`) and no TAO is bought; without the gate the
	/// same blocks sell it. The alpha books hold either way.
	#[test]
	fn the_sell_gate_recycles_root_alpha_while_moving_prices_are_low() {
		let run = |gate: bool| {
			let text = format!(
				"[chain]\ntotal_issuance = 9_000_000_000_000_000\nroot_stake = 1_000_000_000_000_000\nroot_sell_gate = {gate}\n\
				 [[subnet]]\nnetuid = 1\ncopies = 2\n"
			);
			let s = Scenario::from_toml(&text).expect("parses");
			let mut sim = Sim::new(&s);
			for _ in 0..500 {
				sim.step();
				for sn in &sim.subnets {
					let staked: u64 = sn.neurons.iter().map(|n| n.alpha).sum();
					let st = &sn.state;
					let pending = st.pending_owner_alpha + st.pending_miner_alpha + st.pending_validator_alpha + st.pending_root_alpha;
					assert_eq!(st.alpha_outstanding, staked + pending);
				}
			}
			let sn = &sim.subnets[0];
			(sn.root_tao_total, sn.root_alpha_recycled_total)
		};
		let (bought, recycled) = run(false);
		assert!(bought > 0 && recycled == 0);
		let (bought, recycled) = run(true);
		assert!(bought == 0 && recycled > 0, "moving prices start at 0: every block recycles");
	}

	/// `keep_alpha`: no root sale at all; the kept alpha reaches the validators' stakes at the
	/// epochs, and the alpha books hold every block.
	#[test]
	fn keep_alpha_sells_nothing_and_pays_alpha_at_epochs() {
		let text = "[chain]\ntotal_issuance = 9_000_000_000_000_000\ntempo = 9\nroot_dividend_mode = \"keep_alpha\"\n\
			[[subnet]]\nnetuid = 1\nvalidators = [{ alpha = 1_000_000_000_000, root = 100_000_000_000_000 }]\n";
		let s = Scenario::from_toml(text).expect("parses");
		let mut sim = Sim::new(&s);
		for _ in 0..200 {
			sim.step();
			let sn = &sim.subnets[0];
			let staked: u64 = sn.neurons.iter().map(|n| n.alpha).sum();
			let st = &sn.state;
			let pending = st.pending_owner_alpha + st.pending_miner_alpha + st.pending_validator_alpha + st.pending_root_alpha;
			assert_eq!(st.alpha_outstanding, staked + pending);
		}
		let sn = &sim.subnets[0];
		assert_eq!(sn.root_tao_total, 0);
		assert!(sn.root_alpha_kept_total > 0);
		assert!(u128::from(sn.state.pending_root_alpha) < sn.root_alpha_kept_total / 10, "the epochs paid it");
	}
}
