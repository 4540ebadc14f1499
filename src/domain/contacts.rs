//! Every phone number and outside web address the public pages print, in one list a force can
//! check before going live (`docs/CONTACTS.md` is checked against it by a test).
//!
//! Messages never repeat a number: they use the Fluent terms made here (`{ -tel-999 }` for a
//! `tel:` link, `{ -num-999 }` for the bare number, `{ -web-galop }` for a link to a web
//! address), which `startup` adds to every catalogue. A wrong number is worse than none, so
//! only numbers we are certain of are here; other organisations get their web address only.

/// How a number is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// A number to call: printed as a `tel:` link.
    Call,
    /// Keys pressed during a 999 call (the Silent Solution's 55): never a link, since
    /// dialling it alone reaches nobody.
    DuringCall,
}

/// One phone number the service prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phone {
    /// The term name: `-tel-{key}` and `-num-{key}`.
    pub key: &'static str,
    /// As people read it.
    pub display: &'static str,
    /// As a `tel:` link dials it (digits only).
    pub tel: &'static str,
    /// Who answers.
    pub organisation: &'static str,
    /// Where to check the number and its hours.
    pub web: &'static str,
    /// Opening hours, only where we are certain of them.
    pub hours: Option<&'static str>,
    /// Call, or keys pressed during a call.
    pub usage: Use,
    /// A note for the force checking the list.
    pub note: &'static str,
}

/// An organisation we name with its web address only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Site {
    /// The term name: `-web-{key}`.
    pub key: &'static str,
    /// The organisation.
    pub organisation: &'static str,
    /// Its web address, without the scheme (shown like this, linked over https).
    pub web: &'static str,
}

const fn call(
    key: &'static str,
    display: &'static str,
    tel: &'static str,
    organisation: &'static str,
    web: &'static str,
    hours: Option<&'static str>,
    note: &'static str,
) -> Phone {
    Phone {
        key,
        display,
        tel,
        organisation,
        web,
        hours,
        usage: Use::Call,
        note,
    }
}

/// Every phone number the service prints.
pub const PHONES: &[Phone] = &[
    call(
        "999",
        "999",
        "999",
        "Emergency services",
        "www.police.uk",
        Some("24 hours a day"),
        "emergency; also takes the emergency SMS service's texts from registered phones",
    ),
    call(
        "101",
        "101",
        "101",
        "Police non-emergency number",
        "www.police.uk",
        None,
        "reaches the force for the caller's area",
    ),
    call(
        "18000",
        "18000",
        "18000",
        "Emergency text relay (Relay UK)",
        "www.relayuk.bt.com",
        Some("24 hours a day"),
        "999 by textphone or the Relay UK app",
    ),
    call(
        "18001-101",
        "18001 101",
        "18001101",
        "Police non-emergency number by text relay (Relay UK)",
        "www.relayuk.bt.com",
        None,
        "101 by textphone or the Relay UK app",
    ),
    Phone {
        key: "55",
        display: "55",
        tel: "55",
        organisation: "Silent Solution (on a 999 call)",
        web: "www.police.uk",
        hours: None,
        usage: Use::DuringCall,
        note: "pressed on a mobile during a silent 999 call; not a number to dial",
    },
    call(
        "stalking-helpline",
        "0808 802 0300",
        "08088020300",
        "National Stalking Helpline (Suzy Lamplugh Trust)",
        "www.suzylamplugh.org",
        None,
        "hours not printed: people are sent to the website for them",
    ),
    call(
        "crimestoppers",
        "0800 555 111",
        "0800555111",
        "Crimestoppers",
        "www.crimestoppers-uk.org",
        None,
        "anonymous crime reporting",
    ),
    call(
        "childline",
        "0800 1111",
        "08001111",
        "Childline",
        "www.childline.org.uk",
        None,
        "for children and young people",
    ),
    call(
        "nspcc",
        "0808 800 5000",
        "08088005000",
        "NSPCC helpline",
        "www.nspcc.org.uk",
        None,
        "for adults worried about a child",
    ),
    call(
        "victim-support",
        "08 08 16 89 111",
        "08081689111",
        "Victim Support Supportline",
        "www.victimsupport.org.uk",
        None,
        "printed in the grouping Victim Support uses",
    ),
];

/// Organisations named with a web address only (their numbers are not printed).
pub const SITES: &[Site] = &[
    site(
        "stalking-helpline",
        "National Stalking Helpline (Suzy Lamplugh Trust)",
        "www.suzylamplugh.org",
    ),
    site("crimestoppers", "Crimestoppers", "www.crimestoppers-uk.org"),
    site("childline", "Childline", "www.childline.org.uk"),
    site("nspcc", "NSPCC", "www.nspcc.org.uk"),
    site(
        "victim-support",
        "Victim Support",
        "www.victimsupport.org.uk",
    ),
    site("999bsl", "999 BSL", "www.999bsl.co.uk"),
    site("emergency-sms", "emergencySMS", "www.emergencysms.org.uk"),
    site("relay-uk", "Relay UK", "www.relayuk.bt.com"),
    site(
        "paladin",
        "Paladin National Stalking Advocacy Service",
        "www.paladinservice.co.uk",
    ),
    site(
        "pas",
        "Protection Against Stalking",
        "www.protectionagainststalking.org",
    ),
    site("galop", "Galop", "www.galop.org.uk"),
    site("karma-nirvana", "Karma Nirvana", "www.karmanirvana.org.uk"),
    site(
        "mens-advice-line",
        "Men's Advice Line (Respect)",
        "www.mensadviceline.org.uk",
    ),
    site("respect", "Respect", "www.respect.uk.net"),
    site(
        "revenge-porn-helpline",
        "Revenge Porn Helpline",
        "www.revengepornhelpline.org.uk",
    ),
    site(
        "domestic-abuse-helpline",
        "National Domestic Abuse Helpline (Refuge)",
        "www.nationaldahelpline.org.uk",
    ),
    site("rape-crisis", "Rape Crisis", "www.rapecrisis.org.uk"),
    site("acas", "Acas", "www.acas.org.uk"),
    site(
        "eass",
        "Equality Advisory and Support Service",
        "www.equalityadvisoryservice.com",
    ),
    site(
        "ehrc",
        "Equality and Human Rights Commission",
        "www.equalityhumanrights.com",
    ),
    site("ico", "Information Commissioner's Office", "www.ico.org.uk"),
];

const fn site(key: &'static str, organisation: &'static str, web: &'static str) -> Site {
    Site {
        key,
        organisation,
        web,
    }
}

/// The phone number with this key.
pub fn phone(key: &str) -> Option<&'static Phone> {
    PHONES.iter().find(|p| p.key == key)
}

/// Fluent terms for every number and address, added to each catalogue at start-up:
/// `-tel-{key}` (a `tel:` link, or the bare keys for [`Use::DuringCall`]), `-num-{key}` (the
/// number as text, for titles) and `-web-{key}` (a link to the web address). The markup is
/// ours and the values are constants, so messages using the link terms end in `-html`.
pub fn fluent_terms() -> String {
    let mut out = String::from(
        "# Made by domain::contacts::fluent_terms: do not copy numbers into .ftl files.\n",
    );
    for p in PHONES {
        let link = match p.usage {
            Use::Call => format!(
                "<a class=\"govuk-link\" href=\"tel:{}\">{}</a>",
                p.tel, p.display
            ),
            Use::DuringCall => format!("<strong>{}</strong>", p.display),
        };
        out.push_str(&format!("-tel-{} = {link}\n", p.key));
        out.push_str(&format!("-num-{} = {}\n", p.key, p.display));
    }
    // Texting 999 (the emergency SMS service) opens the messaging app, not the dialler.
    out.push_str("-sms-999 = <a class=\"govuk-link\" href=\"sms:999\">999</a>\n");
    for s in SITES {
        out.push_str(&format!(
            "-web-{} = <a class=\"govuk-link\" href=\"https://{}\">{}</a>\n",
            s.key,
            s.web,
            s.web.trim_start_matches("www.")
        ));
    }
    out
}

/// The list as the Markdown table in `docs/CONTACTS.md` (a test keeps the two the same).
pub fn markdown_tables() -> String {
    let mut out = String::from(
        "| number | dialled as | organisation | hours we print | check at | note |\n|---|---|---|---|---|---|\n",
    );
    for p in PHONES {
        let dialled = match p.usage {
            Use::Call => format!("`tel:{}`", p.tel),
            Use::DuringCall => "not a link (pressed during a 999 call)".to_owned(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            p.display,
            dialled,
            p.organisation,
            p.hours.unwrap_or("none"),
            p.web,
            p.note
        ));
    }
    out.push_str("\n| organisation | web address |\n|---|---|\n");
    for s in SITES {
        out.push_str(&format!("| {} | {} |\n", s.organisation, s.web));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numbers_are_the_ones_we_are_certain_of() {
        let printed: Vec<(&str, &str)> = PHONES.iter().map(|p| (p.display, p.tel)).collect();
        assert_eq!(
            printed,
            [
                ("999", "999"),
                ("101", "101"),
                ("18000", "18000"),
                ("18001 101", "18001101"),
                ("55", "55"),
                ("0808 802 0300", "08088020300"),
                ("0800 555 111", "0800555111"),
                ("0800 1111", "08001111"),
                ("0808 800 5000", "08088005000"),
                ("08 08 16 89 111", "08081689111"),
            ]
        );
    }

    #[test]
    fn each_tel_form_is_the_display_form_without_spaces() {
        for p in PHONES {
            assert_eq!(p.tel, p.display.replace(' ', ""), "{}", p.key);
            assert!(p.tel.chars().all(|c| c.is_ascii_digit()), "{}", p.key);
        }
    }

    #[test]
    fn only_the_silent_solution_is_not_a_link() {
        let keys: Vec<&str> = PHONES
            .iter()
            .filter(|p| p.usage == Use::DuringCall)
            .map(|p| p.key)
            .collect();
        assert_eq!(keys, ["55"]);
        let terms = fluent_terms();
        assert!(terms.contains("-tel-55 = <strong>55</strong>"));
        assert!(!terms.contains("tel:55\""));
    }

    #[test]
    fn the_helpline_has_no_printed_hours() {
        // We could not be certain of them: the pages send people to the website instead.
        assert_eq!(phone("stalking-helpline").and_then(|p| p.hours), None);
    }

    #[test]
    fn every_number_and_site_becomes_a_term() {
        let terms = fluent_terms();
        for p in PHONES {
            assert!(terms.contains(&format!("-num-{} = {}\n", p.key, p.display)));
        }
        assert!(terms.contains("-tel-stalking-helpline = <a class=\"govuk-link\" href=\"tel:08088020300\">0808 802 0300</a>"));
        for s in SITES {
            assert!(
                terms.contains(&format!("href=\"https://{}\"", s.web)),
                "{}",
                s.key
            );
        }
        let keys: std::collections::HashSet<&str> = SITES.iter().map(|s| s.key).collect();
        assert_eq!(keys.len(), SITES.len(), "a site key is listed twice");
    }
}
