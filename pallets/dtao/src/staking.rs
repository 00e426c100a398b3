//! Stake as swap (docs/mechanism.md §3, §4): staking buys alpha through the subnet's pool, unstaking
//! sells it, moves between subnets go through TAO, and price limits bound what a user accepts.

use crate::{pallet::*, StakePool, ROOT_NETUID};
use alloc::vec::Vec;
use dtao_math::{
	limits::{max_buy_within_limit, max_sell_within_limit, max_swap_within_limit, price_at_least, price_at_most, swap_ratio_ok},
	swap::sell_raw,
	Market, MathError, SharePool, SwapOutcome, UNIT,
};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::DispatchResult},
	sp_runtime::DispatchError,
};

/// Which call a move came from (it names the event).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveKind {
	/// `move_stake`: to another hotkey and/or subnet, same coldkey.
	Move,
	/// `swap_stake`: the same hotkey, to another subnet.
	Swap,
	/// `transfer_stake`: to another coldkey, same hotkey.
	Transfer,
}

/// A move of stake from one (coldkey, hotkey, subnet) to another: what `move_stake`,
/// `swap_stake`, `transfer_stake` and their `_limit` forms execute, and what
/// `DtaoApi.quote_move_stake` quotes.
#[derive(Clone, Debug, PartialEq, Eq, codec::Encode, codec::Decode, scale_info::TypeInfo)]
pub struct MoveRequest<AccountId> {
	/// The signer, owner of the origin position.
	pub origin_coldkey: AccountId,
	/// Owner of the destination position (the signer but for a transfer).
	pub destination_coldkey: AccountId,
	/// Hotkey of the origin position.
	pub origin_hotkey: AccountId,
	/// Hotkey of the destination position.
	pub destination_hotkey: AccountId,
	/// Subnet of the origin position.
	pub origin_netuid: u16,
	/// Subnet of the destination position (through TAO if it differs).
	pub destination_netuid: u16,
	/// Alpha of the origin position to move.
	pub amount: u64,
	/// `(limit_price, allow_partial)` of `swap_stake_limit`, `move_stake_limit` and
	/// `transfer_stake_limit`.
	pub limit: Option<(u64, bool)>,
}

/// What a move of stake did (or, quoted, would do): the amounts of its event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, codec::Encode, codec::Decode, scale_info::TypeInfo)]
pub struct MoveOutcome {
	/// Alpha taken from the origin position (the share pool's rounding included).
	pub alpha_in: u64,
	/// Alpha given to the destination position.
	pub alpha_out: u64,
	/// TAO the origin's alpha was sold for (0 within one subnet).
	pub tao: u64,
	/// Both legs' fees (0 within one subnet).
	pub fee: u64,
}

/// Whether a market's price is at most / at least `limit` (root's price is always 1).
fn market_price_at_most(m: Market, limit: u64) -> bool {
	match m {
		Market::Stable => UNIT <= limit,
		Market::Pool { tao, alpha } => price_at_most(tao, alpha, limit),
	}
}

fn market_price_at_least(m: Market, limit: u64) -> bool {
	match m {
		Market::Stable => UNIT >= limit,
		Market::Pool { tao, alpha } => price_at_least(tao, alpha, limit),
	}
}

impl<T: Config> Pallet<T> {
	pub(crate) fn math_error(e: MathError) -> Error<T> {
		match e {
			MathError::InsufficientLiquidity => Error::<T>::InsufficientLiquidity,
			MathError::ZeroOutput => Error::<T>::ZeroSwapOutput,
			MathError::Overflow => Error::<T>::ArithmeticOverflow,
			MathError::NotEnoughStake => Error::<T>::NotEnoughStake,
		}
	}

	fn fee_ppb() -> u32 {
		SwapFee::<T>::get().deconstruct()
	}

	/// What a user buy of `tao` alpha on `netuid` would do now, to the rao.
	pub fn quote_buy(netuid: u16, tao: u64) -> Result<SwapOutcome, DispatchError> {
		let market = Self::market(netuid)?;
		dtao_math::buy(market, tao, Self::fee_ppb(), MinPoolReserve::<T>::get()).map_err(|e| Self::math_error(e).into())
	}

	/// What a user sale of `alpha` on `netuid` would do now, to the rao.
	pub fn quote_sell(netuid: u16, alpha: u64) -> Result<SwapOutcome, DispatchError> {
		let market = Self::market(netuid)?;
		dtao_math::sell(market, alpha, Self::fee_ppb(), MinPoolReserve::<T>::get()).map_err(|e| Self::math_error(e).into())
	}

	/// The value of a coldkey's stake on (hotkey, netuid), in alpha.
	pub fn stake_value(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: u16) -> u64 {
		let shares = StakeShares::<T>::get((netuid, hotkey, coldkey)).unwrap_or(0);
		if shares == 0 {
			return 0;
		}
		HotkeyStake::<T>::get(netuid, hotkey).unwrap_or_default().share_pool(Self::now()).value(shares)
	}

	/// The TAO value of `alpha` at the spot price, without slippage or fee (root: 1:1); what the
	/// `MinStake` rule compares for amounts given in alpha.
	pub fn tao_value(netuid: u16, alpha: u64) -> u64 {
		match Self::market(netuid) {
			Ok(Market::Pool { tao, alpha: reserve }) if reserve > 0 => {
				let v = u128::from(alpha).saturating_mul(u128::from(tao)).checked_div(u128::from(reserve)).unwrap_or(0);
				u64::try_from(v).unwrap_or(u64::MAX)
			},
			Ok(Market::Stable) => alpha,
			_ => 0,
		}
	}

	/// Anyone may stake into root and into started subnets; only the owner into an unstarted one.
	fn ensure_can_stake_into(coldkey: &T::AccountId, netuid: u16) -> DispatchResult {
		if netuid == ROOT_NETUID {
			return Ok(());
		}
		let pool = Pools::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(
			pool.started_at.is_some() || SubnetOwner::<T>::get(netuid).as_ref() == Some(coldkey),
			Error::<T>::SubnetNotStarted
		);
		Ok(())
	}

	fn ensure_hotkey_exists(hotkey: &T::AccountId) -> DispatchResult {
		ensure!(HotkeyOwner::<T>::contains_key(hotkey), Error::<T>::HotkeyNotRegistered);
		Ok(())
	}

	/// Write a user buy into the pool (or root's total).
	fn apply_buy(netuid: u16, o: &SwapOutcome) {
		if netuid == ROOT_NETUID {
			TotalRootStake::<T>::mutate(|t| *t = t.saturating_add(o.amount_out));
			return;
		}
		Pools::<T>::mutate(netuid, |p| {
			if let Some(p) = p {
				if let Market::Pool { tao, alpha } = o.after {
					p.tao_reserve = tao;
					p.alpha_reserve = alpha;
				}
				p.alpha_outstanding = p.alpha_outstanding.saturating_add(o.amount_out);
				p.volume = p.volume.saturating_add(u128::from(o.amount_in));
				if p.started_at.is_some() {
					p.flow = p.flow.saturating_add(i64::try_from(o.amount_in).unwrap_or(i64::MAX));
				}
			}
		});
	}

	/// Write a user sale into the pool (or root's total).
	fn apply_sell(netuid: u16, o: &SwapOutcome) {
		if netuid == ROOT_NETUID {
			TotalRootStake::<T>::mutate(|t| *t = t.saturating_sub(o.amount_in));
			return;
		}
		Pools::<T>::mutate(netuid, |p| {
			if let Some(p) = p {
				if let Market::Pool { tao, alpha } = o.after {
					p.tao_reserve = tao;
					p.alpha_reserve = alpha;
				}
				p.alpha_outstanding = p.alpha_outstanding.saturating_sub(o.amount_in);
				p.volume = p.volume.saturating_add(u128::from(o.amount_out.saturating_add(o.fee)));
				if p.started_at.is_some() {
					p.flow = p.flow.saturating_sub(i64::try_from(o.amount_out).unwrap_or(i64::MAX));
				}
			}
		});
	}

	/// Sell a whole stake: like a user sale, except that alpha worth less than one rao after the fee
	/// is still taken (into the pool's reserve) for nothing, so a dust stake can always be closed.
	fn sell_whole(market: Market, alpha: u64) -> Result<SwapOutcome, DispatchError> {
		let fee = Self::fee_ppb();
		let floor = MinPoolReserve::<T>::get();
		match dtao_math::sell(market, alpha, fee, floor) {
			Err(MathError::ZeroOutput) => match market {
				Market::Pool { tao, alpha: reserve } if alpha > 0 && tao >= floor => {
					let (out, fee, t, a) = sell_raw(tao, reserve, alpha, fee).ok_or(Error::<T>::ArithmeticOverflow)?;
					Ok(SwapOutcome { amount_in: alpha, amount_out: out, fee, after: Market::Pool { tao: t, alpha: a } })
				},
				_ => Err(Error::<T>::ZeroSwapOutput.into()),
			},
			r => r.map_err(|e| Self::math_error(e).into()),
		}
	}

	/// Add `alpha` to a coldkey's stake on (hotkey, netuid).
	pub(crate) fn deposit_stake(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: u16, alpha: u64) -> DispatchResult {
		if netuid == ROOT_NETUID {
			Self::fold_root_claims(hotkey);
		}
		let now = Self::now();
		let stored = HotkeyStake::<T>::get(netuid, hotkey).unwrap_or_default();
		let mut pool = stored.share_pool(now);
		let minted = pool.deposit(alpha).map_err(Self::math_error)?;
		HotkeyStake::<T>::insert(netuid, hotkey, stored.with(pool, now));
		let shares = StakeShares::<T>::get((netuid, hotkey, coldkey)).unwrap_or(0).saturating_add(minted);
		Self::set_shares(netuid, hotkey, coldkey, shares);
		Ok(())
	}

	/// Write a coldkey's shares on (hotkey, netuid), 0 removing the entry; keeps the pool's
	/// `stakers` count and `StakeIndex` exact. Every write of `StakeShares` goes through here. (Root
	/// keeps no count: it is never dissolved. A dissolving subnet's count is its settlement's.)
	pub(crate) fn set_shares(netuid: u16, hotkey: &T::AccountId, coldkey: &T::AccountId, shares: u128) {
		let before = StakeShares::<T>::get((netuid, hotkey, coldkey));
		let existed = before.is_some();
		if netuid == ROOT_NETUID {
			// Root's kept alpha was earned by the shares held until now.
			Self::settle_root_claims(hotkey, coldkey, before.unwrap_or(0), shares);
		}
		let count = |change: fn(u32) -> u32| {
			if netuid != ROOT_NETUID {
				Pools::<T>::mutate(netuid, |pool| {
					if let Some(pool) = pool {
						pool.stakers = change(pool.stakers);
					}
				});
			}
		};
		if shares == 0 {
			if existed {
				StakeShares::<T>::remove((netuid, hotkey, coldkey));
				StakeIndex::<T>::remove((coldkey, hotkey, netuid));
				count(|n| n.saturating_sub(1));
			}
			return;
		}
		StakeShares::<T>::insert((netuid, hotkey, coldkey), shares);
		if !existed {
			StakeIndex::<T>::insert((coldkey, hotkey, netuid), ());
			count(|n| n.saturating_add(1));
		}
	}

	/// Take `alpha` from a coldkey's stake on (hotkey, netuid); returns the alpha removed (more
	/// than `alpha` only when the coldkey held the pool's last shares, see `SharePool::withdraw`:
	/// the last holder also takes the dividends not released yet, so none stays without a holder).
	pub(crate) fn withdraw_stake(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: u16, alpha: u64) -> Result<u64, DispatchError> {
		let shares = StakeShares::<T>::get((netuid, hotkey, coldkey)).unwrap_or(0);
		let now = Self::now();
		let stored = HotkeyStake::<T>::get(netuid, hotkey).unwrap_or_default();
		let (pool, burned, removed) = Self::withdrawal(&stored, shares, alpha, now)?;
		if netuid == ROOT_NETUID {
			Self::fold_root_claims(hotkey);
		}
		Self::set_shares(netuid, hotkey, coldkey, shares.saturating_sub(burned));
		if pool.shares == 0 {
			HotkeyStake::<T>::remove(netuid, hotkey);
		} else {
			HotkeyStake::<T>::insert(netuid, hotkey, stored.with(pool, now));
		}
		Ok(removed)
	}

	/// A withdrawal of `alpha` by a holder of `shares` from `stored` at block `now`: the pool the
	/// holders own after it, the shares burned and the alpha removed.
	fn withdrawal(stored: &StakePool, shares: u128, alpha: u64, now: u64) -> Result<(SharePool, u128, u64), DispatchError> {
		let mut pool = stored.share_pool(now);
		let (burned, removed) = pool.withdraw(shares, alpha).map_err(Self::math_error)?;
		let removed = if pool.shares == 0 { removed.saturating_add(stored.unreleased(now)) } else { removed };
		Ok((pool, burned, removed))
	}

	/// The alpha a withdrawal of `alpha` would remove, without writing it.
	fn withdrawal_preview(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: u16, alpha: u64) -> Result<u64, DispatchError> {
		let shares = StakeShares::<T>::get((netuid, hotkey, coldkey)).unwrap_or(0);
		let stored = HotkeyStake::<T>::get(netuid, hotkey).unwrap_or_default();
		Self::withdrawal(&stored, shares, alpha, Self::now()).map(|(_, _, removed)| removed)
	}

	pub(crate) fn do_add_stake(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		netuid: u16,
		amount: u64,
		limit: Option<(u64, bool)>,
	) -> DispatchResult {
		Self::ensure_root_or_live_subnet(netuid)?;
		Self::ensure_hotkey_exists(&hotkey)?;
		let min_stake = MinStake::<T>::get().max(1);
		ensure!(amount >= min_stake, Error::<T>::AmountTooLow);
		Self::ensure_can_stake_into(&coldkey, netuid)?;
		ensure!(Self::free_balance(&coldkey) >= amount, Error::<T>::InsufficientBalance);

		let market = Self::market(netuid)?;
		let (fee, floor) = (Self::fee_ppb(), MinPoolReserve::<T>::get());
		let executed = match limit {
			None => amount,
			Some((limit_price, allow_partial)) => {
				let fits = match dtao_math::buy(market, amount, fee, floor) {
					Ok(o) => market_price_at_most(o.after, limit_price),
					Err(MathError::InsufficientLiquidity) if allow_partial => false,
					Err(e) => return Err(Self::math_error(e).into()),
				};
				if fits {
					amount
				} else {
					ensure!(allow_partial, Error::<T>::SlippageTooHigh);
					let x = max_buy_within_limit(market, amount, fee, floor, limit_price);
					ensure!(x >= min_stake, Error::<T>::SlippageTooHigh);
					x
				}
			},
		};
		let outcome = dtao_math::buy(market, executed, fee, floor).map_err(Self::math_error)?;
		Self::take_tao(&coldkey, executed)?;
		Self::apply_buy(netuid, &outcome);
		Self::deposit_stake(&hotkey, &coldkey, netuid, outcome.amount_out)?;
		Self::deposit_event(Event::StakeAdded {
			coldkey,
			hotkey,
			netuid,
			tao: executed,
			alpha: outcome.amount_out,
			fee: outcome.fee,
		});
		Ok(())
	}

	/// Sell `amount` alpha of `coldkey`'s stake on `hotkey` on `netuid` (root: TAO), or, with
	/// `limit = Some((price, allow_partial))`, as much as keeps the price at or above `price`
	/// (refused if that is less than `amount` and partial fills are not allowed). Pays the TAO to
	/// the coldkey and emits `StakeRemoved`: `remove_stake`'s and `remove_stake_limit`'s work.
	pub fn do_remove_stake(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		netuid: u16,
		amount: u64,
		limit: Option<(u64, bool)>,
	) -> Result<SwapOutcome, DispatchError> {
		Self::ensure_root_or_live_subnet(netuid)?;
		Self::ensure_hotkey_exists(&hotkey)?;
		ensure!(amount > 0, Error::<T>::AmountTooLow);
		let value = Self::stake_value(&hotkey, &coldkey, netuid);
		ensure!(amount <= value, Error::<T>::NotEnoughStake);
		let min_stake = MinStake::<T>::get();

		let market = Self::market(netuid)?;
		let (fee, floor) = (Self::fee_ppb(), MinPoolReserve::<T>::get());
		let executed = match limit {
			None => amount,
			Some((limit_price, allow_partial)) => {
				let fits = match dtao_math::sell(market, amount, fee, floor) {
					Ok(o) => market_price_at_least(o.after, limit_price),
					// A whole stake too small to pay anything is closed as by `remove_stake`.
					Err(MathError::ZeroOutput) if amount == value => {
						let o = Self::sell_whole(market, amount)?;
						market_price_at_least(o.after, limit_price)
					},
					Err(MathError::InsufficientLiquidity) if allow_partial => false,
					Err(e) => return Err(Self::math_error(e).into()),
				};
				if fits {
					amount
				} else {
					ensure!(allow_partial, Error::<T>::SlippageTooHigh);
					let x = max_sell_within_limit(market, amount, fee, floor, limit_price);
					ensure!(x > 0 && Self::tao_value(netuid, x) >= min_stake, Error::<T>::SlippageTooHigh);
					x
				}
			},
		};
		let whole = executed == value;
		ensure!(whole || Self::tao_value(netuid, executed) >= min_stake, Error::<T>::AmountTooLow);

		let removed = Self::withdrawal_preview(&hotkey, &coldkey, netuid, executed)?;
		let outcome = if whole {
			Self::sell_whole(market, removed)?
		} else {
			dtao_math::sell(market, removed, fee, floor).map_err(Self::math_error)?
		};
		Self::withdraw_stake(&hotkey, &coldkey, netuid, executed)?;
		Self::apply_sell(netuid, &outcome);
		Self::pay_tao(&coldkey, outcome.amount_out)?;
		Self::deposit_event(Event::StakeRemoved {
			coldkey,
			hotkey,
			netuid,
			tao: outcome.amount_out,
			alpha: removed,
			fee: outcome.fee,
		});
		Ok(outcome)
	}

	/// `move_stake`, `swap_stake`, `transfer_stake` and their `_limit` forms.
	pub fn do_move(kind: MoveKind, req: MoveRequest<T::AccountId>) -> Result<MoveOutcome, DispatchError> {
		let MoveRequest {
			origin_coldkey,
			destination_coldkey,
			origin_hotkey,
			destination_hotkey,
			origin_netuid,
			destination_netuid,
			amount,
			limit,
		} = req;
		Self::ensure_root_or_live_subnet(origin_netuid)?;
		Self::ensure_root_or_live_subnet(destination_netuid)?;
		Self::ensure_hotkey_exists(&origin_hotkey)?;
		Self::ensure_hotkey_exists(&destination_hotkey)?;
		ensure!(
			origin_netuid != destination_netuid ||
				origin_hotkey != destination_hotkey ||
				origin_coldkey != destination_coldkey,
			Error::<T>::SameSubnetAndHotkey
		);
		ensure!(amount > 0, Error::<T>::AmountTooLow);
		let value = Self::stake_value(&origin_hotkey, &origin_coldkey, origin_netuid);
		ensure!(amount <= value, Error::<T>::NotEnoughStake);
		if origin_netuid != destination_netuid {
			Self::ensure_can_stake_into(&origin_coldkey, destination_netuid)?;
		}
		let min_stake = MinStake::<T>::get();
		let (fee, floor) = (Self::fee_ppb(), MinPoolReserve::<T>::get());

		let (alpha_in, alpha_out, tao, fee_paid) = if origin_netuid == destination_netuid {
			// Nothing is traded: the ratio of the two prices is exactly 1.
			if let Some((limit_price, _)) = limit {
				ensure!(limit_price <= UNIT, Error::<T>::SlippageTooHigh);
			}
			ensure!(amount == value || Self::tao_value(origin_netuid, amount) >= min_stake, Error::<T>::AmountTooLow);
			let removed = Self::withdraw_stake(&origin_hotkey, &origin_coldkey, origin_netuid, amount)?;
			Self::deposit_stake(&destination_hotkey, &destination_coldkey, destination_netuid, removed)?;
			(removed, removed, 0, 0)
		} else {
			let origin = Self::market(origin_netuid)?;
			let destination = Self::market(destination_netuid)?;
			let legs = |x: u64| -> Result<(SwapOutcome, SwapOutcome), MathError> {
				let sold = dtao_math::sell(origin, x, fee, floor)?;
				let bought = dtao_math::buy(destination, sold.amount_out, fee, floor)?;
				Ok((sold, bought))
			};
			let executed = match limit {
				None => amount,
				Some((limit_price, allow_partial)) => {
					let fits = match legs(amount) {
						Ok((s, b)) => swap_ratio_ok(s.after, b.after, limit_price),
						Err(MathError::InsufficientLiquidity) if allow_partial => false,
						Err(e) => return Err(Self::math_error(e).into()),
					};
					if fits {
						amount
					} else {
						ensure!(allow_partial, Error::<T>::SlippageTooHigh);
						let x = max_swap_within_limit(origin, destination, amount, fee, floor, limit_price);
						ensure!(x > 0 && Self::tao_value(origin_netuid, x) >= min_stake, Error::<T>::SlippageTooHigh);
						x
					}
				},
			};
			ensure!(
				executed == value || Self::tao_value(origin_netuid, executed) >= min_stake,
				Error::<T>::AmountTooLow
			);
			let removed = Self::withdrawal_preview(&origin_hotkey, &origin_coldkey, origin_netuid, executed)?;
			let (sold, bought) = legs(removed).map_err(Self::math_error)?;
			Self::withdraw_stake(&origin_hotkey, &origin_coldkey, origin_netuid, executed)?;
			Self::apply_sell(origin_netuid, &sold);
			Self::apply_buy(destination_netuid, &bought);
			Self::deposit_stake(&destination_hotkey, &destination_coldkey, destination_netuid, bought.amount_out)?;
			(removed, bought.amount_out, sold.amount_out, sold.fee.saturating_add(bought.fee))
		};

		let event = match kind {
			MoveKind::Move => Event::StakeMoved {
				coldkey: origin_coldkey,
				origin_hotkey,
				destination_hotkey,
				origin_netuid,
				destination_netuid,
				alpha_in,
				alpha_out,
				tao,
				fee: fee_paid,
			},
			MoveKind::Swap => Event::StakeSwapped {
				coldkey: origin_coldkey,
				hotkey: origin_hotkey,
				origin_netuid,
				destination_netuid,
				alpha_in,
				alpha_out,
				tao,
				fee: fee_paid,
			},
			MoveKind::Transfer => Event::StakeTransferred {
				origin_coldkey,
				destination_coldkey,
				hotkey: origin_hotkey,
				origin_netuid,
				destination_netuid,
				alpha_in,
				alpha_out,
				tao,
				fee: fee_paid,
			},
		};
		Self::deposit_event(event);
		Ok(MoveOutcome { alpha_in, alpha_out, tao, fee: fee_paid })
	}

	/// Returns the number of subnets on which the caller held stake on `hotkey`.
	pub(crate) fn do_unstake_all(coldkey: T::AccountId, hotkey: T::AccountId) -> Result<u32, DispatchError> {
		Self::ensure_hotkey_exists(&hotkey)?;
		// The caller's stake on this hotkey, root first, then by netuid; a dissolving subnet's
		// stake is being paid out by its settlement.
		let mut netuids: Vec<u16> = StakeIndex::<T>::iter_key_prefix((coldkey.clone(), hotkey.clone()))
			.filter(|netuid| !Dissolving::<T>::contains_key(netuid))
			.collect();
		netuids.sort_unstable();
		let visited = u32::try_from(netuids.len()).unwrap_or(u32::MAX);

		let mut total: u64 = 0;
		let mut skipped: Vec<u16> = Vec::new();
		let mut any = false;
		for netuid in netuids {
			let value = Self::stake_value(&hotkey, &coldkey, netuid);
			if value == 0 {
				continue;
			}
			any = true;
			let removed = Self::withdrawal_preview(&hotkey, &coldkey, netuid, value)?;
			let outcome = match Self::sell_whole(Self::market(netuid)?, removed) {
				Ok(o) => o,
				Err(e) if e == Error::<T>::InsufficientLiquidity.into() => {
					skipped.push(netuid);
					continue;
				},
				Err(e) => return Err(e),
			};
			Self::withdraw_stake(&hotkey, &coldkey, netuid, value)?;
			Self::apply_sell(netuid, &outcome);
			total = total.saturating_add(outcome.amount_out);
			Self::deposit_event(Event::StakeRemoved {
				coldkey: coldkey.clone(),
				hotkey: hotkey.clone(),
				netuid,
				tao: outcome.amount_out,
				alpha: removed,
				fee: outcome.fee,
			});
		}
		ensure!(any, Error::<T>::NotEnoughStake);
		Self::pay_tao(&coldkey, total)?;
		Self::deposit_event(Event::AllStakeRemoved { coldkey, hotkey, tao: total, skipped });
		Ok(visited)
	}
}
