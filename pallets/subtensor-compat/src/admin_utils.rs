//! # `AdminUtils`
//!
//! The reference chain's per-subnet parameter setters that `btcli sudo set` sends, by the names and
//! argument names the client finds in the metadata. Each forwards one entry to
//! `Dtao.set_subnet_params`, so the origin rules, bounds, errors, events and weights are `Dtao`'s:
//! root (through `Sudo`) may set any of them; a subnet's owner may set `bonds_moving_average` (at
//! most 975_000, else `OwnerLimitExceeded`) and `bonds_penalty`, and gets `BadOrigin` for the rest;
//! anyone else gets `NotSubnetOwner`.
//! The `SubtensorModule` calls `set_activity_cutoff_factor` and `set_tempo` are the owner-side
//! setters of the same kind (docs/btcli.md lists what `btcli sudo set` can do here).
//!
//! Parameters the reference has and this chain does not (immunity period, rate limits,
//! difficulty, commit-reveal, liquid alpha, …) have no call: the client reports the parameter as
//! unknown before it sends anything.

pub use pallet::*;

use polkadot_sdk::{frame_support, frame_system};

#[frame_support::pallet]
pub mod pallet {
	use super::{frame_support, frame_system};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use pallet_dtao::SubnetParam;

	/// `AdminUtils` forwards to `Dtao`; it keeps no state of its own.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config + pallet_dtao::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The weight of setting `p` through `Dtao.set_subnet_params`.
	fn weight<T: Config>(p: SubnetParam) -> Weight {
		pallet_dtao::Pallet::<T>::subnet_params_weight(&[p])
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// `MaxNeurons` of `netuid` (`Dtao`'s `SubnetParam::MaxNeurons`). Root only.
		#[pallet::call_index(15)]
		#[pallet::weight(weight::<T>(SubnetParam::MaxNeurons(*max_allowed_uids)))]
		pub fn sudo_set_max_allowed_uids(origin: OriginFor<T>, netuid: u16, max_allowed_uids: u16) -> DispatchResult {
			crate::set_subnet_param::<T>(origin, netuid, SubnetParam::MaxNeurons(max_allowed_uids))
		}

		/// `Kappa` of `netuid`. Root only.
		#[pallet::call_index(16)]
		#[pallet::weight(weight::<T>(SubnetParam::Kappa(*kappa)))]
		pub fn sudo_set_kappa(origin: OriginFor<T>, netuid: u16, kappa: u16) -> DispatchResult {
			crate::set_subnet_param::<T>(origin, netuid, SubnetParam::Kappa(kappa))
		}

		/// `MaxValidators` of `netuid`. Root only.
		#[pallet::call_index(25)]
		#[pallet::weight(weight::<T>(SubnetParam::MaxValidators(*max_allowed_validators)))]
		pub fn sudo_set_max_allowed_validators(
			origin: OriginFor<T>,
			netuid: u16,
			max_allowed_validators: u16,
		) -> DispatchResult {
			crate::set_subnet_param::<T>(origin, netuid, SubnetParam::MaxValidators(max_allowed_validators))
		}

		/// `BondsMovingAverage` of `netuid` (millionths). Root, or the owner up to 975_000.
		#[pallet::call_index(26)]
		#[pallet::weight(weight::<T>(SubnetParam::BondsMovingAverage(*bonds_moving_average)))]
		pub fn sudo_set_bonds_moving_average(
			origin: OriginFor<T>,
			netuid: u16,
			bonds_moving_average: u64,
		) -> DispatchResult {
			crate::set_subnet_param::<T>(origin, netuid, SubnetParam::BondsMovingAverage(bonds_moving_average))
		}

		/// `Tempo` of `netuid`. Root only.
		#[pallet::call_index(30)]
		#[pallet::weight(weight::<T>(SubnetParam::Tempo(*tempo)))]
		pub fn sudo_set_tempo(origin: OriginFor<T>, netuid: u16, tempo: u16) -> DispatchResult {
			crate::set_subnet_param::<T>(origin, netuid, SubnetParam::Tempo(tempo))
		}

		/// `BondsPenalty` of `netuid` (over 65535). Root or the owner.
		#[pallet::call_index(60)]
		#[pallet::weight(weight::<T>(SubnetParam::BondsPenalty(*bonds_penalty)))]
		pub fn sudo_set_bonds_penalty(origin: OriginFor<T>, netuid: u16, bonds_penalty: u16) -> DispatchResult {
			crate::set_subnet_param::<T>(origin, netuid, SubnetParam::BondsPenalty(bonds_penalty))
		}
	}
}
