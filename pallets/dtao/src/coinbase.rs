//! The coinbase, every block in `on_initialize` (docs/mechanism.md §6.1–§6.3): mint TAO, split it across
//! started subnets by moving price, inject TAO and alpha into the pools, mint alpha out for owner,
//! miners and validators, sell root's share of the validators' alpha, then update moving prices.
//!
//! Each started subnet's `SubnetPool` is read once and written once.

use crate::{pallet::*, BlockEmissionRecord, SubnetPool};
use alloc::vec::Vec;
use dtao_math::{block_emission, coinbase as cb, swap::sell_raw};
use polkadot_sdk::frame_support::traits::fungible::{Inspect, Mutate};

impl<T: Config> Pallet<T> {
	/// Run one block's coinbase; returns the number of subnets visited (for the block's weight).
	pub(crate) fn run_coinbase() -> u32 {
		let now = Self::now();
		let all: Vec<(u16, SubnetPool)> = Pools::<T>::iter().collect();
		let visited = u32::try_from(all.len()).unwrap_or(u32::MAX);
		let mut started: Vec<(u16, SubnetPool)> = all.into_iter().filter(|(_, p)| p.started_at.is_some()).collect();
		started.sort_unstable_by_key(|(netuid, _)| *netuid);

		let base = BlockEmission::<T>::get();
		let emission = block_emission(T::Currency::total_issuance(), base);
		let total_moving: u128 = started.iter().fold(0u128, |acc, (_, p)| acc.saturating_add(p.moving_price_bits));
		let owner_cut = OwnerCut::<T>::get();
		let miner_share = MinerShare::<T>::get();
		let tao_weight = TaoWeight::<T>::get().deconstruct();
		let root_stake = TotalRootStake::<T>::get();
		let floor = MinPoolReserve::<T>::get();
		let account = Self::account_id();

		for (_, pool) in started.iter_mut() {
			// 1–3. Shares, alpha in (capped by the subnet's alpha emission), alpha out.
			let mut tau = cb::tao_share(emission, pool.moving_price_bits, total_moving);
			let alpha_emission = block_emission(pool.alpha_issuance(), base);
			let alpha_in = cb::alpha_in(tau, pool.tao_reserve, pool.alpha_reserve, alpha_emission);
			let alpha_out = alpha_emission;

			// 4. Inject.
			if tau > 0 && T::Currency::mint_into(&account, tau).is_err() {
				tau = 0;
			}
			pool.tao_reserve = pool.tao_reserve.saturating_add(tau);
			pool.alpha_reserve = pool.alpha_reserve.saturating_add(alpha_in);
			pool.alpha_outstanding = pool.alpha_outstanding.saturating_add(alpha_out);

			// 5. Owner cut, miners, validators.
			let owner = owner_cut.mul_floor(alpha_out);
			let rest = alpha_out.saturating_sub(owner);
			let miners = miner_share.mul_floor(rest);
			let validators = rest.saturating_sub(miners);

			// 6–7. Root proportion from issuance after injection; sell root's alpha without fee.
			let root_proportion_ppb = cb::root_proportion_ppb(root_stake, tao_weight, pool.alpha_issuance());
			let mut root_alpha = cb::root_alpha(validators, root_stake, tao_weight, pool.alpha_issuance());
			let mut root_tao = 0;
			if root_alpha > 0 {
				match sell_raw(pool.tao_reserve, pool.alpha_reserve, root_alpha, 0) {
					Some((out, _, tao_after, alpha_after)) if tao_after >= floor => {
						root_tao = out;
						pool.tao_reserve = tao_after;
						pool.alpha_reserve = alpha_after;
						pool.alpha_outstanding = pool.alpha_outstanding.saturating_sub(root_alpha);
					},
					_ => root_alpha = 0,
				}
			}

			// 8. Accumulate.
			pool.pending_owner_alpha = pool.pending_owner_alpha.saturating_add(owner);
			pool.pending_miner_alpha = pool.pending_miner_alpha.saturating_add(miners);
			pool.pending_validator_alpha = pool.pending_validator_alpha.saturating_add(validators.saturating_sub(root_alpha));
			pool.pending_root_tao = pool.pending_root_tao.saturating_add(root_tao);

			// 9. Record.
			pool.last = BlockEmissionRecord {
				tao_in: tau,
				alpha_in,
				alpha_out,
				root_alpha_sold: root_alpha,
				root_tao_bought: root_tao,
				root_proportion_ppb,
			};
		}

		// Moving prices, from the spot price after everything above.
		let moving_alpha = MovingAlpha::<T>::get().deconstruct();
		let halving = MovingHalvingBlocks::<T>::get();
		let cap = cb::rao_price_to_bits(MovingPriceCap::<T>::get());
		for (netuid, pool) in started {
			let mut pool = pool;
			let blocks = now.saturating_sub(pool.started_at.unwrap_or(now));
			pool.moving_price_bits = cb::moving_price_step(
				pool.moving_price_bits,
				cb::price_bits(pool.tao_reserve, pool.alpha_reserve),
				cap,
				moving_alpha,
				blocks,
				halving,
			);
			Pools::<T>::insert(netuid, pool);
		}
		visited
	}

	/// The moving price of a subnet in rao per alpha (rounded down).
	pub fn moving_price(netuid: u16) -> u64 {
		Pools::<T>::get(netuid).map(|p| cb::bits_to_rao_price(p.moving_price_bits)).unwrap_or(0)
	}
}
