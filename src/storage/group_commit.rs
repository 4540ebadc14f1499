//! Group commit for SQLite. With `synchronous=FULL` every commit waits for an fsync of the
//! WAL (about a millisecond here), so one transaction per request caps durable writes near
//! a thousand a second. One task owns the write connection; requests queue on a channel and
//! each transaction takes everything waiting, so many requests share one fsync. Every reply
//! is sent only after its transaction has committed. If a batch fails, its requests are
//! retried one by one, so one bad request cannot fail the others.

use sqlx::{Sqlite, SqlitePool};
use tokio::sync::{mpsc, oneshot};

use super::sql::SqlStore;
use super::{NewPlaceReport, NewStalkingReport, SessionWrite, StoreError};

/// Most requests in one transaction.
const MAX_BATCH: usize = 256;

enum Op {
    Submit {
        report: NewStalkingReport,
        session: Option<SessionWrite>,
        reply: oneshot::Sender<Result<String, StoreError>>,
    },
    SubmitPlace {
        report: NewPlaceReport,
        session: Option<SessionWrite>,
        reply: oneshot::Sender<Result<String, StoreError>>,
    },
    PutSession {
        session: SessionWrite,
        reply: oneshot::Sender<Result<(), StoreError>>,
    },
}

/// Handle to the writer task.
#[derive(Debug, Clone)]
pub struct Writer {
    tx: mpsc::Sender<Op>,
}

impl Writer {
    /// Start the writer on a pool of one connection.
    pub fn start(pool: SqlitePool) -> Self {
        let (tx, rx) = mpsc::channel(4096);
        tokio::spawn(run(pool, rx));
        Self { tx }
    }

    /// Queue an operation and wait for its commit.
    async fn request<T>(
        &self,
        op: impl FnOnce(oneshot::Sender<Result<T, StoreError>>) -> Op,
    ) -> Result<T, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.tx
            .send(op(reply))
            .await
            .map_err(|_| StoreError::WriterGone)?;
        answer.await.map_err(|_| StoreError::WriterGone)?
    }

    /// Store a report (and write the session) in the next group commit.
    pub async fn submit(
        &self,
        report: NewStalkingReport,
        session: Option<SessionWrite>,
    ) -> Result<String, StoreError> {
        self.request(|reply| Op::Submit {
            report,
            session,
            reply,
        })
        .await
    }

    /// Store a place report (counts and session too) in the next group commit.
    pub async fn submit_place(
        &self,
        report: NewPlaceReport,
        session: Option<SessionWrite>,
    ) -> Result<String, StoreError> {
        self.request(|reply| Op::SubmitPlace {
            report,
            session,
            reply,
        })
        .await
    }

    /// Write a session row in the next group commit.
    pub async fn put_session(&self, session: SessionWrite) -> Result<(), StoreError> {
        self.request(|reply| Op::PutSession { session, reply })
            .await
    }
}

enum Done {
    Reference(String),
    Written,
}

async fn apply(conn: &mut sqlx::SqliteConnection, op: &Op) -> Result<Done, StoreError> {
    match op {
        Op::Submit {
            report, session, ..
        } => SqlStore::<Sqlite>::submit_on(conn, report, session.as_ref())
            .await
            .map(Done::Reference),
        Op::SubmitPlace {
            report, session, ..
        } => SqlStore::<Sqlite>::submit_place_on(conn, report, session.as_ref())
            .await
            .map(Done::Reference),
        Op::PutSession { session, .. } => SqlStore::<Sqlite>::put_session_on(conn, session)
            .await
            .map(|()| Done::Written),
    }
}

/// Run `ops` in one transaction; the results are only returned once it has committed.
async fn transaction(pool: &SqlitePool, ops: &[Op]) -> Result<Vec<Done>, StoreError> {
    crate::fail_point!("writer.before_commit", |_| Err(StoreError::Injected(
        "writer.before_commit"
    )));
    let mut tx = pool.begin().await?;
    let mut results = Vec::with_capacity(ops.len());
    for op in ops {
        results.push(apply(&mut tx, op).await?);
    }
    tx.commit().await?;
    Ok(results)
}

fn reply(op: Op, result: Result<Done, StoreError>) {
    // A caller that has gone away (client disconnected) no longer needs the answer.
    match op {
        Op::Submit { reply, .. } | Op::SubmitPlace { reply, .. } => {
            let _ = reply.send(result.and_then(|d| match d {
                Done::Reference(r) => Ok(r),
                Done::Written => Err(StoreError::Batch("unexpected result".into())),
            }));
        }
        Op::PutSession { reply, .. } => {
            let _ = reply.send(result.map(|_| ()));
        }
    }
}

async fn run(pool: SqlitePool, mut rx: mpsc::Receiver<Op>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(op) => batch.push(op),
                Err(_) => break,
            }
        }
        crate::metrics::commit_batch(batch.len());
        match transaction(&pool, &batch).await {
            #[cfg(feature = "failpoints")]
            Ok(_) if fail::eval("writer.after_commit", |_| ()).is_some() => {
                // Committed, but the replies are lost, as if the process died here.
                drop(batch);
            }
            Ok(results) => {
                for (op, done) in batch.into_iter().zip(results) {
                    reply(op, Ok(done));
                }
            }
            Err(e) if batch.len() == 1 => {
                if let Some(op) = batch.pop() {
                    reply(op, Err(e));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, size = batch.len(), "write batch failed; retrying one by one");
                for op in batch {
                    let result = transaction(&pool, std::slice::from_ref(&op))
                        .await
                        .and_then(|mut r| r.pop().ok_or_else(|| StoreError::Batch("empty".into())));
                    reply(op, result);
                }
            }
        }
    }
}
