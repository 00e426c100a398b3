//! The coinbase, every block in `on_initialize` (docs/mechanism.md §6.1–§6.3): mint TAO, split it across
//! started subnets by moving price, inject TAO and alpha into the pools, mint alpha out for owner,
//! miners and validators, sell root's share of the validators' alpha, then update moving prices.
//!
//! Each started subnet's `SubnetPool` is read once and written once.

use crate::{pallet::*, SubnetPool};
use alloc::vec::Vec;
use dtao_math::{block_emission, coinbase as cb};
use polkadot_sdk::frame_support::traits::fungible::{Inspect, Mutate};

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
		};
		let emission = block_emission(T::Currency::total_issuance(), params.block_emission);
		let total_moving = cb::total_moving(started.iter().map(|(_, p)| p.moving_price));
		let account = Self::account_id();

		for (_, pool) in started.iter_mut() {
			// 1–2. This subnet's TAO, minted into the pallet account (none if minting fails).
			let mut tau = cb::tao_share(emission, pool.moving_price, total_moving);
			if tau > 0 {
				if let Err(e) = T::Currency::mint_into(&account, tau) {
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

	/// The moving price of a subnet in rao per alpha (rounded down).
	pub fn moving_price(netuid: u16) -> u64 {
		Pools::<T>::get(netuid).map(|p| cb::to_rao_price(p.moving_price)).unwrap_or(0)
	}
}
