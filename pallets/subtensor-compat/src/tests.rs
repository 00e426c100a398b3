//! The compatibility layer: calls forward to `Dtao` (same outcome, same named errors, nothing
//! changed on failure), the mirrored storage follows `Dtao`'s state through every change, and the
//! runtime API adapters report `Dtao`'s numbers.
// Dtao's one-parameter setters are deprecated for `set_params`/`set_subnet_params`; both reach the
// mirrors through the same code, and both are used here.
#![allow(deprecated)]

use crate::{info::SimSwapResult, mock::*, pallet::*};
use codec::Compact;
use polkadot_sdk::frame_support::{assert_noop, assert_ok};

type DtaoError = pallet_dtao::Error<Test>;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Alice registers subnet 1 with `ALICE_HOT` through `SubtensorModule` and starts it.
fn alice_subnet() -> u16 {
	assert_ok!(SubtensorModule::register_network(signed(ALICE), ALICE_HOT));
	let netuid = 1;
	assert_ok!(SubtensorModule::start_call(signed(ALICE), netuid));
	netuid
}

fn identity(name: &str) -> SubnetIdentityV3 {
	SubnetIdentityV3 { subnet_name: name.as_bytes().to_vec().try_into().expect("short"), ..Default::default() }
}

#[test]
fn register_network_mirrors_the_subnet_and_its_owner() {
	build_and_execute(|| {
		assert!(NetworksAdded::<Test>::get(0));
		assert!(!NetworksAdded::<Test>::get(1));
		assert_eq!(Owner::<Test>::get(ALICE_HOT), 0, "an unknown hotkey's owner is the zero account");
		let cost = pallet_dtao::Pallet::<Test>::network_registration_cost();
		let before = free(ALICE);

		assert_ok!(SubtensorModule::register_network(signed(ALICE), ALICE_HOT));

		assert_eq!(free(ALICE), before - cost);
		assert!(NetworksAdded::<Test>::get(1));
		assert_eq!(Owner::<Test>::get(ALICE_HOT), ALICE);
		assert_eq!(OwnedHotkeys::<Test>::get(ALICE), vec![ALICE_HOT]);
		assert_eq!(Burn::<Test>::get(1), pallet_dtao::Burn::<Test>::get(1));
		assert_eq!(MechanismCountCurrent::<Test>::get(1), 1);
		assert_eq!(SubnetOwner::<Test>::get(1), ALICE);
		assert_eq!(NetworkRegisteredAt::<Test>::get(1), 1);
		assert_eq!(TokenSymbol::<Test>::get(0), "Τ".as_bytes().to_vec());
		assert_eq!(TokenSymbol::<Test>::get(1), "α".as_bytes().to_vec());
		assert_eq!(events(), vec![Event::NetworkAdded(1, 0)]);
		assert!(dtao_events().iter().any(|e| matches!(
			e,
			pallet_dtao::Event::NetworkRegistered { netuid: 1, owner: ALICE, hotkey: ALICE_HOT, lock } if *lock == cost
		)));
	});
}

#[test]
fn a_registration_through_dtao_is_mirrored_too() {
	build_and_execute(|| {
		assert_ok!(pallet_dtao::Pallet::<Test>::register_network(signed(BOB), BOB_HOT));
		assert!(NetworksAdded::<Test>::get(1));
		assert_eq!(Owner::<Test>::get(BOB_HOT), BOB);
		assert_eq!(events(), vec![Event::NetworkAdded(1, 0)]);
	});
}

#[test]
fn register_network_with_identity_names_the_subnet() {
	build_and_execute(|| {
		assert_ok!(SubtensorModule::register_network_with_identity(signed(ALICE), ALICE_HOT, Some(identity("apex"))));
		assert_eq!(SubnetIdentitiesV3::<Test>::get(1), Some(identity("apex")));
		let info = SubtensorModule::get_dynamic_info(1).expect("exists");
		let name: Vec<u8> = info.subnet_name.iter().map(|c| c.0).collect();
		assert_eq!(name, b"apex");
		assert_eq!(info.subnet_identity, Some(identity("apex")));
	});
}

#[test]
fn a_refused_registration_changes_nothing() {
	build_and_execute(|| {
		// Bob cannot name Alice's hotkey.
		assert_ok!(SubtensorModule::register_network(signed(ALICE), ALICE_HOT));
		assert_noop!(
			SubtensorModule::register_network_with_identity(signed(BOB), ALICE_HOT, Some(identity("x"))),
			DtaoError::NotHotkeyOwner
		);
		// A coldkey without the lock.
		assert_noop!(SubtensorModule::register_network(signed(7), 107), DtaoError::InsufficientBalance);
	});
}

#[test]
fn add_stake_buys_what_the_quote_says() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		let amount = 10 * TAO;
		let quote = SubtensorModule::sim_swap_tao_for_alpha(netuid, amount);
		let before = free(BOB);

		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, netuid, amount));

		assert_eq!(free(BOB), before - amount);
		let stake = SubtensorModule::get_stake_info_for_hotkey_coldkey_netuid(ALICE_HOT, BOB, netuid).expect("always Some");
		assert_eq!(stake.stake, Compact(quote.alpha_amount));
		assert_eq!(quote.tao_amount, amount);
		assert!(quote.tao_fee > 0 && quote.alpha_fee == 0);
		assert!(dtao_events().iter().any(|e| matches!(
			e,
			pallet_dtao::Event::StakeAdded { coldkey: BOB, hotkey: ALICE_HOT, netuid: 1, tao, alpha, fee }
				if *tao == amount && *alpha == quote.alpha_amount && *fee == quote.tao_fee
		)));
		let listed = SubtensorModule::get_stake_info_for_coldkey(BOB);
		assert_eq!(listed.len(), 1);
		assert_eq!(listed[0].stake, Compact(quote.alpha_amount));
		assert!(listed[0].is_registered, "ALICE_HOT is uid 0 of the subnet");
	});
}

#[test]
fn remove_stake_pays_what_the_quote_says() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, netuid, 10 * TAO));
		let alpha = pallet_dtao::Pallet::<Test>::stake_value(&ALICE_HOT, &BOB, netuid);
		let half = alpha / 2;
		let quote = SubtensorModule::sim_swap_alpha_for_tao(netuid, half);
		let before = free(BOB);

		assert_ok!(SubtensorModule::remove_stake(signed(BOB), ALICE_HOT, netuid, half));

		assert_eq!(free(BOB), before + quote.tao_amount);
		assert_eq!(quote.alpha_amount, half);
		assert!(quote.alpha_fee > 0 && quote.tao_fee == 0);
		assert_eq!(pallet_dtao::Pallet::<Test>::stake_value(&ALICE_HOT, &BOB, netuid), alpha - half);
	});
}

#[test]
fn refused_stake_operations_name_dtaos_error_and_change_nothing() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_noop!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, 9, 10 * TAO), DtaoError::SubnetNotFound);
		assert_noop!(SubtensorModule::add_stake(signed(7), ALICE_HOT, netuid, 10 * TAO), DtaoError::InsufficientBalance);
		assert_noop!(SubtensorModule::remove_stake(signed(BOB), ALICE_HOT, netuid, TAO), DtaoError::NotEnoughStake);
		// A limit price below the current price: the buy would cross it.
		let price = SubtensorModule::current_alpha_price(netuid);
		assert_noop!(
			SubtensorModule::add_stake_limit(signed(BOB), ALICE_HOT, netuid, 10 * TAO, price - 1, false),
			DtaoError::SlippageTooHigh
		);
		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, netuid, 10 * TAO));
		let price = SubtensorModule::current_alpha_price(netuid);
		assert_noop!(
			SubtensorModule::remove_stake_limit(signed(BOB), ALICE_HOT, netuid, TAO, price + 1, false),
			DtaoError::SlippageTooHigh
		);
	});
}

#[test]
fn limit_calls_execute_within_their_limit() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		let price = SubtensorModule::current_alpha_price(netuid);
		// 5 % tolerance, as `btcli stake add --safe --tolerance 0.05` sends it.
		let limit = price + price / 20;
		assert_ok!(SubtensorModule::add_stake_limit(signed(BOB), ALICE_HOT, netuid, 10 * TAO, limit, false));
		assert!(SubtensorModule::current_alpha_price(netuid) <= limit);
		// Partial: the largest amount that keeps the price within the limit.
		let price = SubtensorModule::current_alpha_price(netuid);
		let limit = price + price / 1000;
		let before = free(BOB);
		assert_ok!(SubtensorModule::add_stake_limit(signed(BOB), ALICE_HOT, netuid, 500 * TAO, limit, true));
		let spent = before - free(BOB);
		assert!(spent > 0 && spent < 500 * TAO, "partial fill: {spent}");
		assert!(SubtensorModule::current_alpha_price(netuid) <= limit);
	});
}

#[test]
fn unstake_all_alpha_moves_every_subnet_stake_to_root() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_noop!(SubtensorModule::unstake_all_alpha(signed(BOB), ALICE_HOT), Error::<Test>::NothingToUnstake);
		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, netuid, 10 * TAO));
		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, 0, 3 * TAO));
		let alpha = pallet_dtao::Pallet::<Test>::stake_value(&ALICE_HOT, &BOB, netuid);
		let tao = SubtensorModule::sim_swap_alpha_for_tao(netuid, alpha).tao_amount;
		let before = free(BOB);

		assert_ok!(SubtensorModule::unstake_all_alpha(signed(BOB), ALICE_HOT));

		assert_eq!(free(BOB), before, "the TAO goes to root stake, not to the balance");
		assert_eq!(pallet_dtao::Pallet::<Test>::stake_value(&ALICE_HOT, &BOB, netuid), 0);
		assert_eq!(pallet_dtao::Pallet::<Test>::stake_value(&ALICE_HOT, &BOB, 0), 3 * TAO + tao);
		// Nothing left outside root.
		assert_noop!(SubtensorModule::unstake_all_alpha(signed(BOB), ALICE_HOT), Error::<Test>::NothingToUnstake);
	});
}

#[test]
fn unstake_all_sells_everything_including_root() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, netuid, 10 * TAO));
		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, 0, 3 * TAO));
		let alpha = pallet_dtao::Pallet::<Test>::stake_value(&ALICE_HOT, &BOB, netuid);
		let tao = SubtensorModule::sim_swap_alpha_for_tao(netuid, alpha).tao_amount;
		let before = free(BOB);
		assert_ok!(SubtensorModule::unstake_all(signed(BOB), ALICE_HOT));
		assert_eq!(free(BOB), before + tao + 3 * TAO);
		assert!(SubtensorModule::get_stake_info_for_coldkey(BOB).is_empty());
	});
}

#[test]
fn moves_forward_to_dtao() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(SubtensorModule::burned_register(signed(BOB), netuid, BOB_HOT));
		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, netuid, 10 * TAO));
		let alpha = pallet_dtao::Pallet::<Test>::stake_value(&ALICE_HOT, &BOB, netuid);
		assert_ok!(SubtensorModule::move_stake(signed(BOB), ALICE_HOT, BOB_HOT, netuid, netuid, alpha / 2));
		assert_eq!(pallet_dtao::Pallet::<Test>::stake_value(&BOB_HOT, &BOB, netuid), alpha / 2);
		assert_ok!(SubtensorModule::transfer_stake(signed(BOB), ALICE, BOB_HOT, netuid, netuid, alpha / 4));
		assert_eq!(pallet_dtao::Pallet::<Test>::stake_value(&BOB_HOT, &ALICE, netuid), alpha / 4);
		let root_before = pallet_dtao::Pallet::<Test>::stake_value(&BOB_HOT, &BOB, 0);
		assert_ok!(SubtensorModule::swap_stake(signed(BOB), BOB_HOT, netuid, 0, alpha / 8));
		assert!(pallet_dtao::Pallet::<Test>::stake_value(&BOB_HOT, &BOB, 0) > root_before);
		assert_noop!(
			SubtensorModule::swap_stake_limit(signed(BOB), BOB_HOT, netuid, 0, alpha / 16, u64::MAX, false),
			DtaoError::SlippageTooHigh
		);
	});
}

#[test]
fn burned_register_and_set_burn_are_mirrored() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(SubtensorModule::burned_register(signed(BOB), netuid, BOB_HOT));
		assert_eq!(Owner::<Test>::get(BOB_HOT), BOB);
		assert_eq!(OwnedHotkeys::<Test>::get(BOB), vec![BOB_HOT]);
		assert_ok!(pallet_dtao::Pallet::<Test>::set_burn(RuntimeOrigin::root(), netuid, 7 * TAO));
		assert_eq!(Burn::<Test>::get(netuid), 7 * TAO);
		// A second subnet naming an owned hotkey does not list it twice.
		assert_ok!(SubtensorModule::register_network(signed(BOB), BOB_HOT));
		assert_eq!(OwnedHotkeys::<Test>::get(BOB), vec![BOB_HOT]);
		assert_noop!(
			SubtensorModule::burned_register(signed(ALICE), netuid, BOB_HOT),
			DtaoError::NotHotkeyOwner
		);
	});
}

/// The neuron mirrors follow `Dtao` through registrations, weights, root's tempo and a
/// dissolution; the endpoint of `serve_axon` goes with the subnet.
#[test]
fn neurons_weights_and_tempo_are_mirrored() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_eq!(Uids::<Test>::get(netuid, ALICE_HOT), Some(0));
		assert_eq!(SubnetworkN::<Test>::get(netuid), 1);
		assert_eq!(Tempo::<Test>::get(netuid), pallet_dtao::Tempo::<Test>::get(netuid));
		assert_eq!(SubnetLocked::<Test>::get(netuid), pallet_dtao::SubnetLocked::<Test>::get(netuid));
		assert!(SubnetLocked::<Test>::get(netuid) > 0);
		run_to_block(3);
		assert_ok!(SubtensorModule::burned_register(signed(BOB), netuid, BOB_HOT));
		assert_eq!(Uids::<Test>::get(netuid, BOB_HOT), Some(1));
		assert!(IsNetworkMember::<Test>::get(BOB_HOT, netuid));
		assert!(!IsNetworkMember::<Test>::get(BOB_HOT, 0));
		assert_eq!(SubnetworkN::<Test>::get(netuid), 2);
		assert_eq!(LastUpdate::<Test>::get(netuid), vec![1, 3]);
		run_to_block(6);
		// The owner validates from the start; its weights move its LastUpdate.
		assert_ok!(SubtensorModule::set_weights(
			signed(ALICE_HOT),
			netuid,
			vec![1].try_into().unwrap(),
			vec![7].try_into().unwrap(),
			0
		));
		assert_eq!(LastUpdate::<Test>::get(netuid), vec![6, 3]);
		assert_eq!(pallet_dtao::Weights::<Test>::get(netuid, 0), vec![(1, u16::MAX)]);
		let tempo = u64::from(pallet_dtao::Tempo::<Test>::get(netuid));
		let epoch = (7..).find(|b| pallet_dtao::Pallet::<Test>::is_epoch_block(netuid, tempo as u16, *b)).unwrap();
		assert!(!LastEpochBlock::<Test>::contains_key(netuid) || LastEpochBlock::<Test>::get(netuid) < 7);
		run_to_block(epoch);
		assert_eq!(LastEpochBlock::<Test>::get(netuid), epoch);
		let tempo = vec![pallet_dtao::SubnetParam::Tempo(17)].try_into().unwrap();
		assert_ok!(pallet_dtao::Pallet::<Test>::set_subnet_params(RuntimeOrigin::root(), netuid, tempo));
		assert_eq!(Tempo::<Test>::get(netuid), 17);
		assert_ok!(SubtensorModule::serve_axon(signed(BOB_HOT), netuid, 3, 0x7f00_0001, 8091, 4, 0, 0, 0));

		assert_ok!(pallet_dtao::Pallet::<Test>::dissolve_network(RuntimeOrigin::root(), netuid));
		assert_eq!(Uids::<Test>::iter().count(), 0);
		assert_eq!(IsNetworkMember::<Test>::iter().count(), 0);
		assert!(!SubnetworkN::<Test>::contains_key(netuid));
		assert!(!LastUpdate::<Test>::contains_key(netuid));
		assert!(!Tempo::<Test>::contains_key(netuid));
		assert!(!SubnetLocked::<Test>::contains_key(netuid));
		assert!(!LastEpochBlock::<Test>::contains_key(netuid));
		assert_eq!(Axons::<Test>::iter().count(), 0);
	});
}

/// `get_subnet_hyperparams_v3` reports `Dtao`'s parameters of the subnet and the fixed rules.
#[test]
fn hyperparameters_are_dtaos_parameters() {
	use crate::info::{HyperparamValue::*, Hyperparameter};
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(pallet_dtao::Pallet::<Test>::set_tempo(RuntimeOrigin::root(), netuid, 20));
		assert_ok!(pallet_dtao::Pallet::<Test>::set_kappa(RuntimeOrigin::root(), netuid, 40_000));
		let params = SubtensorModule::get_subnet_hyperparams_v3(netuid).expect("a subnet");
		let get = |name: &str| params.iter().find(|p| p.name == name).map(|p| p.value.clone());
		assert_eq!(get("tempo"), Some(U16(20)));
		assert_eq!(get("kappa"), Some(U16(40_000)));
		let factor = pallet_dtao::ActivityCutoffFactorMilli::<Test>::get(netuid);
		assert_eq!(get("activity_cutoff_factor"), Some(U64(u64::from(factor))));
		assert_eq!(get("activity_cutoff"), Some(U64((u64::from(factor) * 20 / 1000).max(1))));
		let bma = pallet_dtao::BondsMovingAverage::<Test>::get(netuid);
		assert_eq!(get("bonds_moving_avg"), Some(U64(bma * (u64::MAX / 1_000_000))));
		assert_eq!(get("bonds_penalty"), Some(U16(pallet_dtao::BondsPenalty::<Test>::get(netuid))));
		assert_eq!(get("max_validators"), Some(U16(pallet_dtao::MaxValidators::<Test>::get(netuid))));
		assert_eq!(get("max_uids"), Some(U16(pallet_dtao::MaxNeurons::<Test>::get(netuid))));
		assert_eq!(get("burn"), Some(U64(pallet_dtao::Burn::<Test>::get(netuid))));
		assert_eq!(get("commit_reveal_weights_enabled"), Some(Bool(false)));
		assert_eq!(get("min_allowed_weights"), Some(U16(1)));
		assert_eq!(get("max_weights_limit"), Some(U16(u16::MAX)));
		assert_eq!(params.iter().filter(|p: &&Hyperparameter| p.name == "tempo").count(), 1);
		assert_eq!(SubtensorModule::get_subnet_hyperparams_v3(0), None);
		assert_eq!(SubtensorModule::get_subnet_hyperparams_v3(9), None);
	});
}

/// The fixed rules read as their defaults, with nothing stored.
#[test]
fn the_fixed_weight_rules_read_as_defaults() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert!(!CommitRevealWeightsEnabled::<Test>::get(netuid));
		assert_eq!(WeightsSetRateLimit::<Test>::get(netuid), 0);
		assert_eq!(MinAllowedWeights::<Test>::get(netuid), 1);
		assert_eq!(MaxWeightsLimit::<Test>::get(netuid), u16::MAX);
		assert_eq!(CollateralLockShare::<Test>::get(netuid), 0);
		assert_eq!(SubnetEpochConsensus::<Test>::get(netuid), EpochConsensus::Yuma);
		assert_eq!(MinAllowedWeights::<Test>::iter().count(), 0);
		// The registration rules btcli reads after a failed registration: allowed, no interval
		// limit (so it reports the chain's error rather than a full interval), no adjustment.
		assert!(NetworkRegistrationAllowed::<Test>::get(netuid));
		assert_eq!(TargetRegistrationsPerInterval::<Test>::get(netuid), u16::MAX);
		assert_eq!(RegistrationsThisInterval::<Test>::get(netuid), 0);
		assert_eq!(AdjustmentInterval::<Test>::get(netuid), 0);
		assert_eq!(LastAdjustmentBlock::<Test>::get(netuid), 0);
		assert_ok!(SubtensorModule::burned_register(signed(BOB), netuid, BOB_HOT));
		assert_eq!(NetworkRegistrationAllowed::<Test>::iter().count() + RegistrationsThisInterval::<Test>::iter().count(), 0);
	});
}

#[test]
fn set_mechanism_weights_is_set_weights_of_mechanism_0() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(SubtensorModule::burned_register(signed(BOB), netuid, BOB_HOT));
		let (dests, weights) = (vec![1u16].try_into().unwrap(), vec![3u16].try_into().unwrap());
		assert_noop!(
			SubtensorModule::set_mechanism_weights(signed(ALICE_HOT), netuid, 1, dests, weights, 0),
			Error::<Test>::MechanismDoesNotExist
		);
		let (dests, weights) = (vec![1u16].try_into().unwrap(), vec![3u16].try_into().unwrap());
		assert_ok!(SubtensorModule::set_mechanism_weights(signed(ALICE_HOT), netuid, 0, dests, weights, 42));
		assert_eq!(pallet_dtao::Weights::<Test>::get(netuid, 0), vec![(1, u16::MAX)]);
		assert!(dtao_events().contains(&pallet_dtao::Event::WeightsSet { netuid, uid: 0 }));
		// Dtao's rules and errors: a neuron without a validator permit may not set weights.
		let (dests, weights) = (vec![0u16].try_into().unwrap(), vec![3u16].try_into().unwrap());
		assert_noop!(
			SubtensorModule::set_mechanism_weights(signed(BOB_HOT), netuid, 0, dests, weights, 0),
			DtaoError::NoValidatorPermit
		);
	});
}

#[test]
fn serve_axon_stores_the_endpoint_for_the_metagraph_and_neurons() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(SubtensorModule::burned_register(signed(BOB), netuid, BOB_HOT));
		run_to_block(4);
		assert_ok!(SubtensorModule::serve_axon(signed(BOB_HOT), netuid, 7, 0x7f00_0001, 8091, 4, 1, 2, 3));
		let axon = AxonInfo { block: 4, version: 7, ip: 0x7f00_0001, port: 8091, ip_type: 4, protocol: 1, placeholder1: 2, placeholder2: 3 };
		assert_eq!(Axons::<Test>::get(netuid, BOB_HOT), Some(axon.clone()));
		assert_eq!(events().last(), Some(&Event::AxonServed(netuid, BOB_HOT)));
		let g = SubtensorModule::get_mechagraph(netuid, 0).expect("subnet");
		assert_eq!(g.axons, vec![AxonInfo::default(), axon.clone()]);
		let neurons = SubtensorModule::get_neurons_lite(netuid);
		assert_eq!(neurons[1].axon_info, axon);
		// IPv6: any non-zero address.
		assert_ok!(SubtensorModule::serve_axon(signed(BOB_HOT), netuid, 7, 1 << 100, 8092, 6, 0, 0, 0));
		assert_eq!(Axons::<Test>::get(netuid, BOB_HOT).map(|a| (a.ip, a.port, a.ip_type)), Some((1 << 100, 8092, 6)));
	});
}

/// Every bad input of `serve_axon` is refused by name and changes nothing.
#[test]
fn serve_axon_refuses_bad_input_by_name() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_noop!(SubtensorModule::serve_axon(signed(BOB_HOT), netuid, 0, 1, 80, 4, 0, 0, 0), Error::<Test>::NotRegistered);
		assert_noop!(SubtensorModule::serve_axon(signed(ALICE_HOT), 0, 0, 1, 80, 4, 0, 0, 0), Error::<Test>::NotRegistered);
		assert_noop!(SubtensorModule::serve_axon(signed(ALICE_HOT), 9, 0, 1, 80, 4, 0, 0, 0), Error::<Test>::NotRegistered);
		assert_noop!(SubtensorModule::serve_axon(signed(ALICE_HOT), netuid, 0, 1, 80, 5, 0, 0, 0), Error::<Test>::InvalidIpType);
		assert_noop!(SubtensorModule::serve_axon(signed(ALICE_HOT), netuid, 0, 0, 80, 4, 0, 0, 0), Error::<Test>::InvalidIpAddress);
		assert_noop!(
			SubtensorModule::serve_axon(signed(ALICE_HOT), netuid, 0, 1 << 32, 80, 4, 0, 0, 0),
			Error::<Test>::InvalidIpAddress
		);
		assert_noop!(SubtensorModule::serve_axon(signed(ALICE_HOT), netuid, 0, 1, 0, 4, 0, 0, 0), Error::<Test>::InvalidPort);
	});
}

/// `get_neurons_lite` reports the metagraph's figures and each staker's stake; the next epoch's
/// block is the epoch schedule's.
#[test]
fn neurons_lite_and_the_next_epoch() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(SubtensorModule::burned_register(signed(BOB), netuid, BOB_HOT));
		assert_ok!(SubtensorModule::add_stake(signed(BOB), BOB_HOT, netuid, 10 * TAO));
		assert_ok!(SubtensorModule::add_stake(signed(ALICE), BOB_HOT, netuid, 5 * TAO));
		let tempo = pallet_dtao::Tempo::<Test>::get(netuid);
		let next = SubtensorModule::get_next_epoch_start_block(netuid).expect("a subnet");
		assert!(next > 1 && pallet_dtao::Pallet::<Test>::is_epoch_block(netuid, tempo, next));
		assert!((2..next).all(|b| !pallet_dtao::Pallet::<Test>::is_epoch_block(netuid, tempo, b)));
		run_to_block(next + 1);
		let g = pallet_dtao::Pallet::<Test>::api_metagraph(netuid).expect("subnet");
		let lite = SubtensorModule::get_neurons_lite(netuid);
		assert_eq!(lite.len(), g.neurons.len());
		for (l, n) in lite.iter().zip(g.neurons.iter()) {
			assert_eq!((l.uid.0, &l.hotkey, &l.coldkey, l.netuid.0), (n.uid, &n.hotkey, &n.coldkey, netuid));
			assert_eq!((l.active, l.validator_permit, l.last_update.0), (n.active, n.validator_permit, n.last_update));
			assert_eq!((l.incentive.0, l.dividends.0, l.consensus.0), (n.incentive, n.dividends, n.consensus));
			assert_eq!((l.validator_trust.0, l.emission.0), (n.validator_trust, n.alpha_paid));
			// What the holders could take now: dividends still being released (`OverTempo`) are
			// the hotkey's stake but no one's value yet.
			let total: u64 = l.stake.iter().map(|(_, a)| a.0).sum();
			assert!(total <= n.alpha_stake);
		}
		let bob = &lite[1];
		let mut stakers: Vec<AccountId> = bob.stake.iter().map(|(c, _)| *c).collect();
		stakers.sort();
		assert_eq!(stakers, vec![ALICE, BOB]);
		for (c, a) in &bob.stake {
			assert_eq!(a.0, pallet_dtao::Pallet::<Test>::stake_value(&BOB_HOT, c, netuid));
		}
		assert_eq!(SubtensorModule::get_neuron_lite(netuid, 1), Some(bob.clone()));
		assert_eq!(SubtensorModule::get_neuron_lite(netuid, 2), None);
		assert!(SubtensorModule::get_neurons_lite(0).is_empty() && SubtensorModule::get_neurons_lite(9).is_empty());
		assert_eq!(SubtensorModule::get_next_epoch_start_block(0), None);
		assert_eq!(SubtensorModule::get_next_epoch_start_block(9), None);
		let next2 = SubtensorModule::get_next_epoch_start_block(netuid).expect("a subnet");
		assert_eq!(next2, next + u64::from(tempo) + 1);
	});
}

/// A chain at version 1 (no neuron mirrors): `MigrateToV2` fills them from `Dtao` and the mirror
/// check holds; at version 2 it does nothing.
#[test]
fn migrate_to_v2_fills_the_neuron_mirrors() {
	use polkadot_sdk::frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	new_test_ext().execute_with(|| {
		let netuid = alice_subnet();
		assert_ok!(SubtensorModule::burned_register(signed(BOB), netuid, BOB_HOT));
		let tempo = pallet_dtao::Tempo::<Test>::get(netuid);
		run_to_block(u64::from(tempo) + 3);
		let before = (
			Uids::<Test>::iter().collect::<std::collections::BTreeSet<_>>(),
			LastUpdate::<Test>::iter().collect::<Vec<_>>(),
			Tempo::<Test>::iter().collect::<Vec<_>>(),
			SubnetLocked::<Test>::iter().collect::<Vec<_>>(),
			SubnetworkN::<Test>::iter().collect::<Vec<_>>(),
			IsNetworkMember::<Test>::iter().collect::<std::collections::BTreeSet<_>>(),
			LastEpochBlock::<Test>::iter().collect::<Vec<_>>(),
		);
		assert_eq!(before.6.len(), 1, "an epoch ran");
		let _ = LastEpochBlock::<Test>::clear(u32::MAX, None);
		let _ = Uids::<Test>::clear(u32::MAX, None);
		let _ = IsNetworkMember::<Test>::clear(u32::MAX, None);
		let _ = LastUpdate::<Test>::clear(u32::MAX, None);
		let _ = Tempo::<Test>::clear(u32::MAX, None);
		let _ = SubnetLocked::<Test>::clear(u32::MAX, None);
		let _ = SubnetworkN::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<SubtensorModule>();
		assert!(SubtensorModule::do_try_state().is_err());
		let _ = crate::migrations::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(2));
		let after = (
			Uids::<Test>::iter().collect::<std::collections::BTreeSet<_>>(),
			LastUpdate::<Test>::iter().collect::<Vec<_>>(),
			Tempo::<Test>::iter().collect::<Vec<_>>(),
			SubnetLocked::<Test>::iter().collect::<Vec<_>>(),
			SubnetworkN::<Test>::iter().collect::<Vec<_>>(),
			IsNetworkMember::<Test>::iter().collect::<std::collections::BTreeSet<_>>(),
			LastEpochBlock::<Test>::iter().collect::<Vec<_>>(),
		);
		assert_eq!(after, before);
		check_invariants();
		// At version 2 nothing runs.
		Tempo::<Test>::insert(netuid, 99);
		let _ = crate::migrations::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Tempo::<Test>::get(netuid), 99);
		Tempo::<Test>::insert(netuid, pallet_dtao::Tempo::<Test>::get(netuid));
		check_invariants();
	});
}

/// The pallet's storage removed, then one item written again before the upgrade (as the block
/// hook writes `LastEpochBlock` at an epoch): FRAME does not give it a version, so
/// `FillMirrorsIfMissing` puts the current one with the mirrors.
#[test]
fn the_fill_puts_the_storage_version_frame_did_not() {
	use polkadot_sdk::{
		frame_support::traits::{BeforeAllRuntimeMigrations, GetStorageVersion, OnRuntimeUpgrade, PalletInfoAccess, StorageVersion},
		sp_io,
	};
	new_test_ext().execute_with(|| {
		let netuid = alice_subnet();
		let tempo = pallet_dtao::Tempo::<Test>::get(netuid);
		run_to_block(u64::from(tempo) + 3);
		let prefix = sp_io::hashing::twox_128(SubtensorModule::name().as_bytes());
		let _ = sp_io::storage::clear_prefix(&prefix, None);
		LastEpochBlock::<Test>::insert(netuid, pallet_dtao::LastEpochBlock::<Test>::get(netuid));
		<crate::mock::AllPalletsWithSystem as BeforeAllRuntimeMigrations>::before_all_runtime_migrations();
		assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(0), "not storage-less: no version");
		let _ = crate::migrations::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(0), "not a chain of version 1");
		let _ = crate::migrations::FillMirrorsIfMissing::<Test>::on_runtime_upgrade();
		assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(3));
		check_invariants();
	});
}

/// `BlocksSinceLastStep`: 0 at the registration, one more per block, 0 again in an epoch's block.
#[test]
fn blocks_since_last_step_counts_from_the_registration_and_each_epoch() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_eq!(BlocksSinceLastStep::<Test>::get(netuid), 0);
		run_to_block(4);
		assert_eq!(BlocksSinceLastStep::<Test>::get(netuid), 3, "registered at block 1");
		let tempo = u64::from(pallet_dtao::Tempo::<Test>::get(netuid));
		let mut epochs = Vec::new();
		for _ in 0..(2 * tempo + 2) {
			run_to_block(System::block_number() + 1);
			let now = System::block_number();
			if pallet_dtao::LastEpochBlock::<Test>::get(netuid) == now {
				epochs.push(now);
				assert_eq!(BlocksSinceLastStep::<Test>::get(netuid), 0, "reset in the epoch's block");
			} else {
				let since = epochs.last().copied().unwrap_or(1);
				assert_eq!(BlocksSinceLastStep::<Test>::get(netuid), now - since);
			}
		}
		assert_eq!(epochs.len(), 2, "two epochs in two tempos and two blocks");
		assert_eq!(epochs[1] - epochs[0], tempo + 1);
		assert_ok!(pallet_dtao::Pallet::<Test>::dissolve_network(RuntimeOrigin::root(), netuid));
		assert!(!BlocksSinceLastStep::<Test>::contains_key(netuid), "removed with the subnet");
	});
}

/// A chain at version 2 (an upgrade runs with the parent block's number, after its hooks):
/// `MigrateToV3` fills `BlocksSinceLastStep` with the counts the block hook would have kept,
/// before and after a subnet's first epoch, and the next block's hook goes on from them; at
/// version 3 it does nothing.
#[test]
fn migrate_to_v3_fills_blocks_since_last_step() {
	use polkadot_sdk::frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	new_test_ext().execute_with(|| {
		let first = alice_subnet();
		let tempo = u64::from(pallet_dtao::Tempo::<Test>::get(first));
		run_to_block(tempo + 3);
		assert_ok!(SubtensorModule::register_network(signed(BOB), BOB_HOT));
		run_to_block(tempo + 5);
		assert_ne!(pallet_dtao::LastEpochBlock::<Test>::get(first), 0, "the first subnet had an epoch");
		assert_eq!(pallet_dtao::LastEpochBlock::<Test>::get(2), 0, "the second had none");
		let before: Vec<(u16, u64)> = BlocksSinceLastStep::<Test>::iter().collect();
		assert_eq!(before.len(), 2);
		let _ = BlocksSinceLastStep::<Test>::clear(u32::MAX, None);
		StorageVersion::new(2).put::<SubtensorModule>();
		assert!(SubtensorModule::do_try_state().is_err());
		let _ = crate::migrations::MigrateToV3::<Test>::on_runtime_upgrade();
		assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(3));
		let after: Vec<(u16, u64)> = BlocksSinceLastStep::<Test>::iter().collect();
		assert_eq!(after, before);
		check_invariants();
		run_to_block(System::block_number() + 1);
		let after: Vec<(u16, u64)> = BlocksSinceLastStep::<Test>::iter().collect();
		assert!(after.iter().zip(&before).all(|(a, b)| a.1 == b.1 + 1 || a.1 == 0), "the next block counts on");
		// At version 3 nothing runs.
		BlocksSinceLastStep::<Test>::insert(first, 99);
		let _ = crate::migrations::MigrateToV3::<Test>::on_runtime_upgrade();
		assert_eq!(BlocksSinceLastStep::<Test>::get(first), 99);
		assert!(SubtensorModule::do_try_state().is_err(), "the check catches a wrong count");
		BlocksSinceLastStep::<Test>::insert(first, after.iter().find(|(n, _)| *n == first).map(|(_, b)| *b).unwrap_or(0));
		check_invariants();
	});
}

/// `register_limit` registers at the burn when the limit allows it, as `burned_register` does, and
/// otherwise fails by name and changes nothing.
#[test]
fn register_limit_registers_within_the_limit_only() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		let burn = Burn::<Test>::get(netuid);
		assert!(burn > 0);
		assert_noop!(
			SubtensorModule::register_limit(signed(BOB), netuid, BOB_HOT, burn - 1),
			Error::<Test>::RegistrationPriceLimitExceeded
		);
		assert_noop!(SubtensorModule::register_limit(signed(BOB), 9, BOB_HOT, u64::MAX), DtaoError::SubnetNotFound);
		assert_noop!(
			SubtensorModule::register_limit(RuntimeOrigin::none(), netuid, BOB_HOT, u64::MAX),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);
		let before = free(BOB);
		assert_ok!(SubtensorModule::register_limit(signed(BOB), netuid, BOB_HOT, burn));
		assert_eq!(free(BOB), before - burn, "charged the burn, not the limit");
		assert_eq!(Uids::<Test>::get(netuid, BOB_HOT), Some(1));
		assert!(dtao_events().iter().any(|e| matches!(
			e,
			pallet_dtao::Event::NeuronRegistered { netuid: 1, uid: 1, hotkey: BOB_HOT }
		)));
	});
}

#[test]
fn dissolution_removes_the_mirror() {
	build_and_execute(|| {
		assert_ok!(SubtensorModule::register_network_with_identity(signed(ALICE), ALICE_HOT, Some(identity("gone"))));
		assert_ok!(SubtensorModule::start_call(signed(ALICE), 1));
		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, 1, 10 * TAO));
		assert_ok!(pallet_dtao::Pallet::<Test>::dissolve_network(RuntimeOrigin::root(), 1));
		assert!(!NetworksAdded::<Test>::get(1));
		assert!(!Burn::<Test>::contains_key(1));
		assert!(!MechanismCountCurrent::<Test>::contains_key(1));
		assert!(!SubnetOwner::<Test>::contains_key(1));
		assert!(!NetworkRegisteredAt::<Test>::contains_key(1));
		assert!(!TokenSymbol::<Test>::contains_key(1));
		assert_eq!(SubnetIdentitiesV3::<Test>::get(1), None);
		assert_eq!(events().last(), Some(&Event::NetworkRemoved(1)));
		// Hotkeys keep their owner, as in Dtao.
		assert_eq!(Owner::<Test>::get(ALICE_HOT), ALICE);
		assert!(SubtensorModule::get_dynamic_info(1).is_none());
		assert!(SubtensorModule::get_mechagraph(1, 0).is_none());
	});
}

#[test]
fn dynamic_info_reports_dtaos_numbers() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, netuid, 10 * TAO));
		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, 0, 3 * TAO));
		run_to_block(5);
		let all = SubtensorModule::get_all_dynamic_info();
		let views = pallet_dtao::Pallet::<Test>::api_all_subnets();
		assert_eq!(all.len(), views.len());
		for (d, v) in all.iter().zip(views.iter()) {
			let d = d.as_ref().expect("every entry is Some");
			assert_eq!(d.netuid.0, v.netuid);
			assert_eq!(d.tao_in.0, v.tao_reserve);
			assert_eq!(d.alpha_in.0, if v.netuid == 0 { 0 } else { v.alpha_reserve });
			assert_eq!(d.alpha_out.0, v.alpha_outstanding);
			assert_eq!(d.tao_in_emission.0, v.tao_in_emission);
			assert_eq!(d.alpha_in_emission.0, v.alpha_in_emission);
			assert_eq!(d.alpha_out_emission.0, v.alpha_out_emission);
			assert_eq!(d.pending_root_emission.0, v.pending_root_tao);
			assert_eq!(d.subnet_volume.0, v.volume);
			assert_eq!(d.tempo.0, v.tempo);
			assert_eq!(d.token_symbol.len(), 2, "one two-byte Greek character");
		}
		let root = all[0].as_ref().expect("root");
		assert_eq!(root.token_symbol, "Τ".bytes().map(Compact).collect::<Vec<_>>());
		assert_eq!(root.moving_price.to_num::<f64>(), 1.0);
		let sn = all[1].as_ref().expect("subnet 1");
		assert_eq!(sn.owner_coldkey, ALICE);
		assert_eq!(sn.owner_hotkey, ALICE_HOT);
		assert_eq!(sn.token_symbol, "α".bytes().map(Compact).collect::<Vec<_>>());
		let pool = pallet_dtao::Pools::<Test>::get(netuid).expect("pool");
		assert_eq!(u128::try_from(sn.moving_price.to_bits()).expect("positive"), pool.moving_price.to_bits() >> 32);
		let prices = SubtensorModule::current_alpha_price_all();
		assert_eq!(prices.len(), 2);
		assert_eq!(prices[0].price, TAO);
		assert_eq!(prices[1].price, views[1].spot_price);
		assert_eq!(SubtensorModule::current_alpha_price(netuid), views[1].spot_price);
		assert_eq!(SubtensorModule::current_alpha_price(9), 0);
		assert_eq!(SubtensorModule::sim_swap_tao_for_alpha(9, TAO), SimSwapResult::default());
	});
}

#[test]
fn metagraph_and_subnet_state_list_the_neurons() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(SubtensorModule::burned_register(signed(BOB), netuid, BOB_HOT));
		assert_ok!(SubtensorModule::add_stake(signed(BOB), BOB_HOT, netuid, 10 * TAO));
		assert_ok!(SubtensorModule::add_stake(signed(BOB), BOB_HOT, 0, 4 * TAO));
		let g = SubtensorModule::get_mechagraph(netuid, 0).expect("subnet");
		assert_eq!(g.hotkeys, vec![ALICE_HOT, BOB_HOT]);
		assert_eq!(g.coldkeys, vec![ALICE, BOB]);
		assert_eq!(g.num_uids.0, 2);
		assert_eq!(g.identities.len(), 2);
		assert_eq!(g.axons.len(), 2);
		let alpha = pallet_dtao::Pallet::<Test>::stake_value(&BOB_HOT, &BOB, netuid);
		assert_eq!(g.alpha_stake[1].0, alpha);
		assert_eq!(g.tao_stake[1].0, 4 * TAO);
		let tw = pallet_dtao::TaoWeight::<Test>::get();
		assert_eq!(g.total_stake[1].0, alpha + tw.mul_floor(4 * TAO));
		assert_eq!(g.burn.0, pallet_dtao::Burn::<Test>::get(netuid));
		assert_eq!(SubtensorModule::get_mechagraph(netuid, 1), None);
		assert_eq!(SubtensorModule::get_mechagraph(0, 0), None);

		let state = SubtensorModule::get_subnet_state(netuid).expect("subnet");
		assert_eq!(state.hotkeys, g.hotkeys);
		assert_eq!(state.emission_history.len(), 2, "one row per subnet of get_all_dynamic_info");
		assert!(state.emission_history.iter().all(|row| row.len() == 2));

		let root = SubtensorModule::get_subnet_state(0).expect("root");
		assert_eq!(root.hotkeys, vec![BOB_HOT]);
		assert_eq!(root.coldkeys, vec![BOB]);
		assert_eq!(root.tao_stake, vec![Compact(4 * TAO)]);
		assert_eq!(SubtensorModule::get_subnet_state(9), None);
	});
}

#[test]
fn stake_info_for_several_coldkeys() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		assert_ok!(SubtensorModule::add_stake(signed(BOB), ALICE_HOT, netuid, 10 * TAO));
		let all = SubtensorModule::get_stake_info_for_coldkeys(vec![ALICE, BOB]);
		assert_eq!(all.len(), 2);
		assert_eq!(all[0].0, ALICE);
		assert!(all[0].1.is_empty());
		assert_eq!(all[1].1, SubtensorModule::get_stake_info_for_coldkey(BOB));
		let none = SubtensorModule::get_stake_info_for_hotkey_coldkey_netuid(BOB_HOT, ALICE, netuid).expect("Some");
		assert_eq!(none.stake, Compact(0));
		assert!(!none.is_registered);
	});
}

#[test]
fn the_mirror_check_catches_drift() {
	new_test_ext().execute_with(|| {
		let _ = alice_subnet();
		Burn::<Test>::insert(1, 1);
		assert!(SubtensorModule::do_try_state().is_err());
		Burn::<Test>::insert(1, pallet_dtao::Burn::<Test>::get(1));
		Owner::<Test>::insert(ALICE_HOT, BOB);
		assert!(SubtensorModule::do_try_state().is_err());
		Owner::<Test>::insert(ALICE_HOT, ALICE);
		NetworksAdded::<Test>::insert(5, true);
		assert!(SubtensorModule::do_try_state().is_err());
		NetworksAdded::<Test>::remove(5);
		assert!(SubtensorModule::do_try_state().is_ok());
	});
}

/// A chain that ran `Dtao` before `SubtensorModule` was added: two subnets (one through each
/// pallet), three hotkeys, a burn changed by root, and then every item of `SubtensorModule` gone,
/// its storage version included. An upgrade runs as `Executive` runs it: FRAME first gives the
/// storage-less pallet its current version (so no migration from version 0 could run), then
/// `FillMirrorsIfMissing` fills every mirror from `Dtao` (the mirror check holds again and each
/// item is what the calls had written); on mirrors that are there it does nothing.
#[test]
fn the_migration_fills_every_mirror_on_a_chain_without_the_pallet() {
	use polkadot_sdk::{
		frame_support::traits::{BeforeAllRuntimeMigrations, GetStorageVersion, OnRuntimeUpgrade, PalletInfoAccess, StorageVersion},
		sp_io,
	};
	new_test_ext().execute_with(|| {
		let _ = alice_subnet();
		assert_ok!(pallet_dtao::Pallet::<Test>::register_network(signed(BOB), BOB_HOT));
		assert_ok!(pallet_dtao::Pallet::<Test>::burned_register(signed(BOB), 1, 103));
		assert_ok!(pallet_dtao::Pallet::<Test>::set_burn(RuntimeOrigin::root(), 2, 7_777));
		run_to_block(3);
		let mirrored = || {
			(
				NetworksAdded::<Test>::iter().collect::<std::collections::BTreeMap<_, _>>(),
				MechanismCountCurrent::<Test>::iter().collect::<std::collections::BTreeMap<_, _>>(),
				SubnetOwner::<Test>::iter().collect::<std::collections::BTreeMap<_, _>>(),
				NetworkRegisteredAt::<Test>::iter().collect::<std::collections::BTreeMap<_, _>>(),
				Burn::<Test>::iter().collect::<std::collections::BTreeMap<_, _>>(),
				Owner::<Test>::iter().collect::<std::collections::BTreeMap<_, _>>(),
				TokenSymbol::<Test>::iter().collect::<std::collections::BTreeMap<_, _>>(),
				Uids::<Test>::iter().collect::<std::collections::BTreeSet<_>>(),
				LastUpdate::<Test>::iter().collect::<std::collections::BTreeMap<_, _>>(),
				Tempo::<Test>::iter().collect::<std::collections::BTreeMap<_, _>>(),
				BlocksSinceLastStep::<Test>::iter().collect::<std::collections::BTreeMap<_, _>>(),
				OwnedHotkeys::<Test>::iter()
					.map(|(c, mut h)| {
						h.sort();
						(c, h)
					})
					.collect::<std::collections::BTreeMap<_, _>>(),
			)
		};
		let before = mirrored();
		assert_eq!(before.0.len(), 3, "root and two subnets");
		assert_eq!(before.5.len(), 3, "three hotkeys");
		assert_eq!(before.7.len(), 3, "three neurons");
		assert_eq!(before.10.values().copied().collect::<Vec<_>>(), vec![2, 2], "two blocks since the registrations");
		assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(3));

		// The pallet was not there: none of its storage, no storage version.
		let prefix = sp_io::hashing::twox_128(SubtensorModule::name().as_bytes());
		let _ = sp_io::storage::clear_prefix(&prefix, None);
		assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(0));
		assert!(NetworksAdded::<Test>::iter().next().is_none() && Owner::<Test>::iter().next().is_none());
		assert!(SubtensorModule::do_try_state().is_err());

		<crate::mock::AllPalletsWithSystem as BeforeAllRuntimeMigrations>::before_all_runtime_migrations();
		assert_eq!(SubtensorModule::on_chain_storage_version(), StorageVersion::new(3), "FRAME set the version");
		assert!(NetworksAdded::<Test>::iter().next().is_none(), "and filled nothing");
		let _ = crate::migrations::FillMirrorsIfMissing::<Test>::on_runtime_upgrade();
		assert_eq!(mirrored(), before);
		assert_eq!(Burn::<Test>::get(2), 7_777);
		check_invariants();

		// With the mirrors there, an upgrade does nothing.
		Burn::<Test>::insert(2, 1);
		let _ = crate::migrations::FillMirrorsIfMissing::<Test>::on_runtime_upgrade();
		assert_eq!(Burn::<Test>::get(2), 1);
		Burn::<Test>::insert(2, 7_777);
		// Filling mirrors already filled changes nothing.
		crate::migrations::FillMirrorsIfMissing::<Test>::fill();
		assert_eq!(mirrored(), before);
	});
}

/// The last event of the block, as `Dtao`'s.
fn last_dtao_event() -> pallet_dtao::Event<Test> {
	match System::events().last().map(|r| r.event.clone()) {
		Some(RuntimeEvent::Dtao(e)) => e,
		other => panic!("last event is not Dtao's: {other:?}"),
	}
}

/// `btcli sudo set`'s calls: `AdminUtils` and `SubtensorModule` setters reach `Dtao`'s parameters
/// with `Dtao`'s origin rules, bounds, errors and events; a refused call changes nothing.
#[test]
fn admin_utils_setters_are_dtaos_subnet_parameters() {
	build_and_execute(|| {
		let netuid = alice_subnet();
		run_to_block(2);
		type Ev = pallet_dtao::Event<Test>;
		// The owner: bonds moving average (up to 975_000), bonds penalty, activity cutoff factor.
		assert_ok!(AdminUtils::sudo_set_bonds_moving_average(signed(ALICE), netuid, 800_000));
		assert_eq!(pallet_dtao::BondsMovingAverage::<Test>::get(netuid), 800_000);
		assert_eq!(last_dtao_event(), Ev::BondsMovingAverageSet { netuid, value: 800_000 });
		assert_noop!(
			AdminUtils::sudo_set_bonds_moving_average(signed(ALICE), netuid, 975_001),
			DtaoError::OwnerLimitExceeded
		);
		assert_ok!(AdminUtils::sudo_set_bonds_penalty(signed(ALICE), netuid, 1_000));
		assert_eq!(pallet_dtao::BondsPenalty::<Test>::get(netuid), 1_000);
		assert_eq!(last_dtao_event(), Ev::BondsPenaltySet { netuid, value: 1_000 });
		assert_ok!(SubtensorModule::set_activity_cutoff_factor(signed(ALICE), netuid, 7_000));
		assert_eq!(pallet_dtao::ActivityCutoffFactorMilli::<Test>::get(netuid), 7_000);
		assert_eq!(last_dtao_event(), Ev::ActivityCutoffFactorMilliSet { netuid, value: 7_000 });
		assert_noop!(SubtensorModule::set_activity_cutoff_factor(signed(ALICE), netuid, 999), DtaoError::InvalidParameter);

		// Root's parameters: refused to the owner and to anyone else, set by root.
		let tempo = pallet_dtao::Tempo::<Test>::get(netuid);
		assert_noop!(AdminUtils::sudo_set_kappa(signed(ALICE), netuid, 100), polkadot_sdk::sp_runtime::DispatchError::BadOrigin);
		assert_noop!(AdminUtils::sudo_set_tempo(signed(ALICE), netuid, 20), polkadot_sdk::sp_runtime::DispatchError::BadOrigin);
		assert_noop!(SubtensorModule::set_tempo(signed(ALICE), netuid, 20), polkadot_sdk::sp_runtime::DispatchError::BadOrigin);
		assert_noop!(AdminUtils::sudo_set_bonds_moving_average(signed(BOB), netuid, 1), DtaoError::NotSubnetOwner);
		assert_eq!(pallet_dtao::Tempo::<Test>::get(netuid), tempo);
		assert_ok!(AdminUtils::sudo_set_kappa(RuntimeOrigin::root(), netuid, 100));
		assert_eq!(pallet_dtao::Kappa::<Test>::get(netuid), 100);
		assert_eq!(last_dtao_event(), Ev::KappaSet { netuid, value: 100 });
		assert_ok!(AdminUtils::sudo_set_tempo(RuntimeOrigin::root(), netuid, 20));
		assert_eq!((pallet_dtao::Tempo::<Test>::get(netuid), Tempo::<Test>::get(netuid)), (20, 20));
		assert_eq!(last_dtao_event(), Ev::TempoSet { netuid, value: 20 });
		assert_ok!(SubtensorModule::set_tempo(RuntimeOrigin::root(), netuid, 21));
		assert_eq!(Tempo::<Test>::get(netuid), 21);
		assert_ok!(AdminUtils::sudo_set_max_allowed_validators(RuntimeOrigin::root(), netuid, 8));
		assert_eq!(pallet_dtao::MaxValidators::<Test>::get(netuid), 8);
		assert_eq!(last_dtao_event(), Ev::MaxValidatorsSet { netuid, value: 8 });
		assert_ok!(AdminUtils::sudo_set_max_allowed_uids(RuntimeOrigin::root(), netuid, 64));
		assert_eq!(pallet_dtao::MaxNeurons::<Test>::get(netuid), 64);
		assert_eq!(last_dtao_event(), Ev::MaxNeuronsSet { netuid, value: 64 });
		assert_ok!(AdminUtils::sudo_set_bonds_moving_average(RuntimeOrigin::root(), netuid, 990_000));
		assert_eq!(pallet_dtao::BondsMovingAverage::<Test>::get(netuid), 990_000);
		// A subnet that does not exist, and root's: Dtao's errors.
		assert_noop!(AdminUtils::sudo_set_kappa(RuntimeOrigin::root(), 9, 100), DtaoError::SubnetNotFound);
	});
}
