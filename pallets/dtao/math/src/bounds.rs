//! The bounds the chain's root setters and genesis enforce on its parameters, shared by the pallet
//! and by the simulator (which refuses a scenario outside them).

/// `BondsMovingAverage` may not exceed one million (the EMA's α would be negative).
pub const BONDS_MOVING_AVERAGE_MAX: u64 = 1_000_000;
/// The subnet owner may set `BondsMovingAverage` up to this (α ≥ 0.025); root up to the maximum.
pub const BONDS_MOVING_AVERAGE_OWNER_MAX: u64 = 975_000;
/// The smallest `ActivityCutoffFactorMilli` (one tempo), for root and owner alike.
pub const ACTIVITY_CUTOFF_FACTOR_MILLI_MIN: u32 = 1_000;
/// The largest `ActivityCutoffFactorMilli` (50 tempos).
pub const ACTIVITY_CUTOFF_FACTOR_MILLI_MAX: u32 = 50_000;
/// `BlockEmission` may not exceed half the supply cap. Between the halvings `j` and `j + 1` the
/// issuance is below `S · (1 − 2^-(j+1))`, so `floor(B / 2^j) ≤ S · 2^-(j+1)` never mints past
/// `S` (docs/mechanism.md §6.1).
pub const BLOCK_EMISSION_MAX: u64 = crate::SUPPLY_CAP / 2;
/// `FlowHalfLife` may not exceed this (about 38 years of 12-second blocks); 0 is refused.
pub const FLOW_HALF_LIFE_MAX: u64 = 100_000_000;
/// The smallest exponent of `ShareRule::TaoFlow`, in thousandths.
pub const FLOW_EXPONENT_MILLI_MIN: u32 = 1;
/// The largest exponent of `ShareRule::TaoFlow`, in thousandths (10).
pub const FLOW_EXPONENT_MILLI_MAX: u32 = 10_000;
/// The smallest exponent of `ShareGate`.
pub const GATE_EXPONENT_MIN: u8 = 1;
/// The largest exponent of `ShareGate`.
pub const GATE_EXPONENT_MAX: u8 = 16;
/// The dev runtime's `MaxValidatorsLimit`: `MaxValidators` may not exceed it (it bounds the
/// epoch's rows and the claim work of a dissolution, so that a registration pruning a full subnet
/// fits in one extrinsic). The simulator refuses a scenario above it.
pub const MAX_VALIDATORS_LIMIT: u16 = 128;
