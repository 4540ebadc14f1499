//! A typed value kept on the server for a visitor's session: a form's draft, or a staff
//! sign-in step between its pages. Each is one row of the sessions table, keyed by the
//! session's key and the slot's name, sealed with the keyring (the associated data names the
//! row, so a value copied to another session does not open) and gone after its lifetime.

use std::marker::PhantomData;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::clock::Timestamp;
use crate::http::error::AppError;
use crate::http::session::SessionId;
use crate::http::state::AppState;
use crate::storage::SessionWrite;

/// What a session holds in a slot.
#[derive(Debug)]
pub enum Slot<T> {
    /// Nothing: never saved, cleared, or removed by quick exit.
    Empty,
    /// There was a value, but its lifetime had run out; it is now deleted.
    Expired,
    /// The value.
    Found(T),
}

/// What a move to a new session id does with a slot's row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carry {
    /// Move it to the new id.
    Move,
    /// Copy it, leaving it under the old id too: a `Sent` marker, so a second send still in
    /// flight from the old cookie (a double click) finds it and leads to the confirmation.
    Copy,
    /// Leave it behind and delete it.
    Drop,
}

/// One named, sealed, expiring value of type `T` per session.
#[derive(Debug)]
pub struct SealedSlot<T> {
    name: &'static str,
    /// The associated data for the row key: fixed per kind of slot, as changing it makes
    /// stored values unreadable.
    purpose: fn(&str) -> Vec<u8>,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for SealedSlot<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for SealedSlot<T> {}

impl<T: Serialize + DeserializeOwned> SealedSlot<T> {
    /// The slot `name`, its values sealed with the associated data `purpose` gives for the
    /// row key (one of `crate::domain::purpose`).
    pub const fn new(name: &'static str, purpose: fn(&str) -> Vec<u8>) -> Self {
        Self {
            name,
            purpose,
            value: PhantomData,
        }
    }

    /// The slot's row: the session's key, then the name, so one session holds each slot once
    /// and quick exit removes them all by the prefix.
    pub fn key(&self, session: &SessionId) -> String {
        format!("{}:{}", session.store_key(), self.name)
    }

    /// The session's value, deleting it if its lifetime has run out. A stored value that no
    /// longer reads as a `T` is an error ([`AppError::Json`]).
    pub async fn load(&self, state: &AppState, session: &SessionId) -> Result<Slot<T>, AppError> {
        Ok(self.load_until(state, session).await?.0)
    }

    /// [`Self::load`], with the time a found value expires unless it is saved again.
    pub async fn load_until(
        &self,
        state: &AppState,
        session: &SessionId,
    ) -> Result<(Slot<T>, Option<Timestamp>), AppError> {
        let key = self.key(session);
        let Some((sealed, expires_at)) = state.store.get_session(&key).await? else {
            return Ok((Slot::Empty, None));
        };
        if expires_at <= state.clock.now() {
            state.store.delete_session(&key).await?;
            return Ok((Slot::Expired, None));
        }
        let json = state.keyring.open(&sealed, &(self.purpose)(&key))?;
        Ok((
            Slot::Found(serde_json::from_slice(&json)?),
            Some(expires_at),
        ))
    }

    /// The row holding `value`, sealed, living `minutes` from now: for a caller that writes it
    /// in a transaction of its own (a report replacing its draft).
    pub fn row(
        &self,
        state: &AppState,
        session: &SessionId,
        value: &T,
        minutes: i64,
    ) -> Result<SessionWrite, AppError> {
        let key = self.key(session);
        let json = serde_json::to_vec(value)?;
        let data = state.keyring.seal(&json, &(self.purpose)(&key))?;
        Ok(SessionWrite {
            key,
            data,
            expires_at: state.clock.now() + minutes * 60,
        })
    }

    /// Keep `value` for `minutes` from now, replacing what the slot held.
    pub async fn save(
        &self,
        state: &AppState,
        session: &SessionId,
        value: &T,
        minutes: i64,
    ) -> Result<(), AppError> {
        let row = self.row(state, session, value, minutes)?;
        state
            .store
            .put_session(&row.key, &row.data, row.expires_at)
            .await?;
        Ok(())
    }

    /// Forget the value.
    pub async fn clear(&self, state: &AppState, session: &SessionId) -> Result<(), AppError> {
        state.store.delete_session(&self.key(session)).await?;
        Ok(())
    }

    /// Treat the value under session `from` as `carry` says when the visitor moves to `to`.
    /// A value that moves is re-sealed (its associated data names its row) and keeps its
    /// expiry; an expired one is dropped. Nothing is written when the slot is empty.
    pub async fn carry(
        &self,
        state: &AppState,
        from: &SessionId,
        to: &SessionId,
        carry: Carry,
    ) -> Result<(), AppError> {
        let (old, new) = (self.key(from), self.key(to));
        let Some((sealed, expires_at)) = state.store.get_session(&old).await? else {
            return Ok(());
        };
        if carry != Carry::Drop && expires_at > state.clock.now() {
            // Bytes only: a move need not know `T`.
            let json = state.keyring.open(&sealed, &(self.purpose)(&old))?;
            let data = state.keyring.seal(&json, &(self.purpose)(&new))?;
            state.store.put_session(&new, &data, expires_at).await?;
        }
        if carry != Carry::Copy {
            state.store.delete_session(&old).await?;
        }
        Ok(())
    }
}
