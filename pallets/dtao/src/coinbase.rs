//! The coinbase, every block in `on_initialize` (docs/mechanism.md §6.1–§6.3): mint TAO, split it across
//! started subnets by `EmissionShare` (moving price by default), inject TAO and alpha into the pools, mint alpha out for owner,
//! miners and validators, sell root's share of the validators' alpha, then update moving prices.
//!
//! Each started subnet's `SubnetPool` is read once and written once.

use crate::{pallet::*, ShareRule, SubnetPool};
use alloc::vec::Vec;
use dtao_math::{
	block_emission, coinbase as cb, policy,
	substrate_fixed::types::{I64F64, U64F64},
};
use polkadot_sdk::frame_support::traits::fungible::Inspect;

impl<T: Config> Pallet<T> {
	/// Run one block's coinbase; returns every subnet's netuid, ascending (the subnets visited,
	/// for the block's weight and the epoch schedule).
	///
	/// The arithmetic is `dtao_math::coinbase`: each started subnet's TAO share by moving price,
	/// its block step (`subnet_block`), then every moving price's step from the spot price after
	/// the block. The hook only mints the TAO and reads and writes each subnet once.
	pub(crate) fn run_coinbase() -> Vec<(u16, u16)> {
		let now = Self::now();
		let all: Vec<(u16, SubnetPool)> = Pools::<T>::iter().collect();
		let mut visited: Vec<(u16, u16)> = all.iter().map(|(netuid, pool)| (*netuid, pool.tempo)).collect();
		visited.sort_unstable();
		for (netuid, pool) in &all {
			<T::Observer as crate::DtaoObserver<T::AccountId>>::subnet_block(*netuid, pool.blocks_since_epoch(now));
		}
		let mut started: Vec<(u16, SubnetPool)> = all.into_iter().filter(|(_, p)| p.started_at.is_some()).collect();
		started.sort_unstable_by_key(|(netuid, _)| *netuid);

		let params = cb::BlockParams {
			block_emission: BlockEmission::<T>::get(),
			owner_cut_ppb: OwnerCut::<T>::get().deconstruct(),
			miner_share_ppb: MinerShare::<T>::get().deconstruct(),
			tao_weight_ppb: TaoWeight::<T>::get().deconstruct(),
			root_stake: TotalRootStake::<T>::get(),
			min_pool_reserve: MinPoolReserve::<T>::get(),
			uncapped_alpha_in: false,
			root_alpha: Self::root_alpha_use(&started),
		};
		let emission = block_emission(T::Currency::total_issuance(), params.block_emission);
		let weights = Self::share_weights(now, &mut started);
		let total = policy::total_weight(&weights);

		for ((_, pool), weight) in started.iter_mut().zip(weights) {
			// 1–2. This subnet's TAO, minted into the pallet account (none if minting fails).
			let mut tau = cb::tao_share(emission, U64F64::from_bits(weight), total);
			if tau > 0 {
				if let Err(e) = Self::mint_tao(tau) {
					// Cannot happen below the supply cap (`BlockEmission` ≤ S/2 keeps the issuance
					// under it). Loud in tests; on chain, logged, and nothing is injected.
					polkadot_sdk::frame_support::defensive!("coinbase: minting a subnet's TAO failed", e);
					tau = 0;
				}
			}
			// 3–9.
			let mut state = pool.state();
			let record = cb::subnet_block(&mut state, tau, &params);
			pool.apply(state, record);
		}

		// Moving prices, from the spot price after everything above.
		let moving_alpha = MovingAlpha::<T>::get().deconstruct();
		let halving = MovingHalvingBlocks::<T>::get();
		let cap = cb::from_rao_price(MovingPriceCap::<T>::get());
		for (netuid, mut pool) in started {
			let blocks = now.saturating_sub(pool.started_at.unwrap_or(now));
			let spot = cb::price(pool.tao_reserve, pool.alpha_reserve);
			pool.moving_price = cb::moving_price_step(pool.moving_price, spot, cap, moving_alpha, blocks, halving);
			Pools::<T>::insert(netuid, pool);
		}
		visited
	}

	/// Each started subnet's weight in the block's split (`EmissionShare`, docs/mechanism.md §6.2),
	/// after folding the last block's flow into every flow EMA (whatever the rule, so that a switch
	/// starts from warmed-up values). The gate's bar is refreshed every `InitialTempo + 1` blocks
	/// (or when it is 0) while a gate is on.
	fn share_weights(now: u64, started: &mut [(u16, SubnetPool)]) -> Vec<u128> {
		let decay = policy::flow_decay(FlowHalfLife::<T>::get());
		for (_, pool) in started.iter_mut() {
			pool.flow_ema = policy::flow_ema_step(pool.flow_ema, pool.flow, decay);
			pool.flow = 0;
		}
		let share = EmissionShare::<T>::get();
		let rule = match share.rule {
			ShareRule::MovingPrice => policy::Rule::MovingPrice,
			ShareRule::TaoFlow { cutoff, exponent_milli } => policy::Rule::TaoFlow { cutoff, exponent_milli },
		};
		let gate = share.gate.map(|g| policy::Gate { quantile_ppb: g.quantile.deconstruct(), exponent: g.exponent });
		let moving: Vec<U64F64> = started.iter().map(|(_, p)| p.moving_price).collect();
		let emas: Vec<I64F64> = started.iter().map(|(_, p)| p.flow_ema).collect();
		let interval = u64::from(InitialTempo::<T>::get()).saturating_add(1);
		let mut bar = if gate.is_some() { GateBar::<T>::get() } else { 0 };
		let (weights, set) = policy::block_weights(rule, gate, &moving, &emas, &mut bar, now.checked_rem(interval) == Some(0));
		if set {
			GateBar::<T>::put(bar);
		}
		weights
	}

	/// What this block does with root's alpha: keeps it (`KeepAlpha`), or sells it, except that it
	/// recycles it when the sell gate is on and the started subnets' moving prices (before this
	/// block's update) add up to at most 1.
	fn root_alpha_use(started: &[(u16, SubnetPool)]) -> cb::RootAlphaUse {
		match RootDividends::<T>::get() {
			crate::RootDividendMode::KeepAlpha => cb::RootAlphaUse::Keep,
			crate::RootDividendMode::SellPerBlock { sell_gate }
				if sell_gate && cb::total_moving(started.iter().map(|(_, p)| p.moving_price)) <= cb::ONE_BITS =>
			{
				cb::RootAlphaUse::Recycle
			},
			crate::RootDividendMode::SellPerBlock { .. } => cb::RootAlphaUse::Sell,
		}
	}

	/// The moving price of a subnet in rao per alpha (rounded down).
	pub fn moving_price(netuid: u16) -> u64 {
		Pools::<T>::get(netuid).map(|p| cb::to_rao_price(p.moving_price)).unwrap_or(0)
	}
}
