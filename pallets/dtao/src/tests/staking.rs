//! Tests.
#![allow(unused_imports)]
use crate::{mock::*, pallet::*, Event as DtaoEvent};
