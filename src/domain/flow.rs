//! The engine of every multi-page form: a form is a table of steps (the [`Flow`] trait), and
//! these functions say which steps apply given the answers so far, which comes next, where
//! Back goes, and which answers to forget when a change takes a step off the path.

use super::answers::{Answers, Errors};
use super::questions::Kind;

/// A multi-page form, described as data.
pub trait Flow: 'static {
    /// One question page.
    type Step: Copy + Eq + std::fmt::Debug + Send + Sync + 'static;

    /// Every step, in the order asked.
    fn steps() -> &'static [Self::Step];

    /// The URL segment of a step, which is also the key of its answer.
    fn slug(step: Self::Step) -> &'static str;

    /// What kind of answer a step takes.
    fn kind(step: Self::Step) -> Kind;

    /// Message ids of a step's validation errors.
    fn errors(step: Self::Step) -> Errors;

    /// Whether a step is asked, given the answers so far.
    fn applies(_step: Self::Step, _answers: &Answers) -> bool {
        true
    }

    /// Whether the form stops after this step with these answers (e.g. an emergency).
    fn stops_after(_step: Self::Step, _answers: &Answers) -> bool {
        false
    }

    /// A rule across questions, checked once `step`'s new answer is in `answers`: the field
    /// and message id of the problem, if any.
    fn cross_check(_step: Self::Step, _answers: &Answers) -> Option<(&'static str, &'static str)> {
        None
    }
}

/// Where the visitor goes from a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next<S> {
    /// Another question.
    Ask(S),
    /// The form has stopped (see [`Flow::stops_after`]).
    Stop,
    /// Everything is answered.
    Check,
}

/// The step with this URL segment.
pub fn from_slug<F: Flow>(slug: &str) -> Option<F::Step> {
    F::steps().iter().copied().find(|s| F::slug(*s) == slug)
}

/// The steps that apply, given the answers so far, in order; ends at a stopping step.
pub fn path<F: Flow>(a: &Answers) -> Vec<F::Step> {
    let mut steps = Vec::with_capacity(F::steps().len());
    for &step in F::steps() {
        if F::applies(step, a) {
            steps.push(step);
            if F::stops_after(step, a) {
                break;
            }
        }
    }
    steps
}

/// The first question on the path without an answer, or where the answers lead.
pub fn next<F: Flow>(a: &Answers) -> Next<F::Step> {
    let steps = path::<F>(a);
    for step in &steps {
        if !a.has(F::slug(*step)) {
            return Next::Ask(*step);
        }
        if F::stops_after(*step, a) {
            return Next::Stop;
        }
    }
    Next::Check
}

/// Whether the visitor may see `step` now: it is on the path and every step before it is
/// answered. Anything else sends them to [`next`].
pub fn reachable<F: Flow>(step: F::Step, a: &Answers) -> bool {
    let steps = path::<F>(a);
    let Some(at) = steps.iter().position(|s| *s == step) else {
        return false;
    };
    steps[..at].iter().all(|s| a.has(F::slug(*s)))
}

/// The step before `step` on the path (for the Back link); `None` for the first.
pub fn previous<F: Flow>(step: F::Step, a: &Answers) -> Option<F::Step> {
    let steps = path::<F>(a);
    let at = steps.iter().position(|s| *s == step)?;
    at.checked_sub(1).map(|i| steps[i])
}

/// The step after `step` on the path, if any.
pub fn following<F: Flow>(step: F::Step, a: &Answers) -> Option<F::Step> {
    let steps = path::<F>(a);
    let at = steps.iter().position(|s| *s == step)?;
    steps.get(at + 1).copied()
}

/// Drop answers to questions no longer on the path (e.g. a name after choosing anonymous),
/// so nothing the visitor took back is kept or sent.
pub fn prune<F: Flow>(a: &mut Answers) {
    let keep: Vec<&str> = path::<F>(a).iter().map(|s| F::slug(*s)).collect();
    a.retain(&keep);
}

/// Where a question's Back link goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Back<S> {
    /// The form's start page.
    Start,
    /// The check-answers page.
    Check,
    /// Another question, in change mode or not.
    Ask {
        /// The question.
        step: S,
        /// Whether it keeps change mode (`?change=check`).
        change: bool,
    },
}

/// Where Back goes from `step`. Outside change mode, the question before it on the path. In
/// change mode (the visitor came from the check page), the check page while it can be shown;
/// but when a Change opened questions not yet answered, the check page would only send the
/// visitor straight back here (a trap), so Back walks up the new branch instead, in change
/// mode, to the question that opened it.
pub fn back<F: Flow>(step: F::Step, a: &Answers, change: bool) -> Back<F::Step> {
    if change && next::<F>(a) == Next::Check {
        return Back::Check;
    }
    previous::<F>(step, a).map_or(Back::Start, |s| Back::Ask { step: s, change })
}
