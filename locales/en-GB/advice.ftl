# Advice pages: stalking, harassment and staying safe online.
# Ids ending in -html hold trusted inline markup and are rendered unescaped.

## Shared by several advice pages (and the "not available yet" pages)

help-emergency-html = If you are in danger now, call { -tel-999 }.
help-emergency-textphone-html = If you are deaf, hard of hearing or find speaking difficult, you can reach the emergency services by text relay: call { -tel-18000 } from a textphone or with the Relay UK app ({ -web-relay-uk }).
help-emergency-bsl-html = If you use British Sign Language, 999 BSL puts you through to the emergency services with a video relay interpreter, using its app or website ({ -web-999bsl }). It has no phone number.
help-emergency-sms-html = If you are deaf or cannot speak on the phone, you can register your mobile phone for the emergency SMS service, so that you can text the emergency services when you need help. Register before you need it: text the word register to { -sms-999 } and follow the reply. Find out more at { -web-emergency-sms }.
help-emergency-silent-html = If you call { -tel-999 } and cannot speak, stay on the line and listen to the questions. If you can, cough or tap the phone. On a mobile phone, press { -tel-55 } when you are asked: this tells the call handler that you need the police. This is called the Silent Solution, and it only works from a mobile.
help-emergency-landline = On a landline there is no number to press. Stay on the line. If the operator hears nothing but background noise, your call may be put through to the police. If you can, make a noise, cough or tap the phone.
help-crimestoppers-html = To tell someone what is happening without giving your name, call Crimestoppers on { -tel-crimestoppers } or use their website ({ -web-crimestoppers }). Crimestoppers is a charity and is not part of the police. They will not ask who you are.
help-stalking-helpline-html = The National Stalking Helpline gives free advice that is kept private. Call { -tel-stalking-helpline }. It is run by the Suzy Lamplugh Trust: check its opening hours on its website ({ -web-stalking-helpline }).
advice-related-heading = Related advice
advice-not-your-fault-heading = It is not your fault
advice-report-online-link = Report stalking or harassment online

## Stalking and harassment (the advice index)

advice-index-title = Stalking and harassment
advice-index-lead = Stalking and harassment are when someone keeps doing things that make you feel scared, upset or threatened. Anyone can be stalked or harassed. Both are crimes.
advice-index-covers = This section explains what stalking and harassment are, what the law says, what you can do and where to get help.
advice-index-emergency-heading = If you are in danger
advice-index-pages-heading = Advice
advice-index-harassment-text = What harassment is, who might do it and how to report it.
advice-index-sexual-text = What sexual harassment is, what the law says and where to get help.
advice-index-stalking-text = What stalking is and how to spot it using the word FOUR.
advice-index-online-text = Stalking and harassment on social media, in games and in apps, and how to protect yourself.
advice-index-what-text = How to keep a record, keep evidence, report it and get support.
advice-index-tracks-text = How to make it harder for someone to see that you have used this site.
advice-index-tell-us-heading = Tell us
advice-index-report-text = Tell us what is happening to you or to someone you know. You do not have to give your name.
advice-index-unsafe-link = Tell us about a place where you felt unsafe
advice-index-unsafe-text = Show us a public place where you have felt unsafe, such as a dark path or an empty car park. You do not give your name.

## Harassment

advice-harassment-title = Harassment
advice-harassment-lead = Harassment is when someone behaves towards you in a way you do not want, more than once, and it makes you feel frightened, upset or distressed.
advice-harassment-who-heading = Who might harass you
advice-harassment-who-intro = Anyone can harass you. It could be:
advice-harassment-who-neighbour = a neighbour
advice-harassment-who-local = people who live near you or spend time in your area
advice-harassment-who-known = someone you know, such as a family member, a friend or someone you work or study with
advice-harassment-who-stranger = someone you have never met
advice-harassment-examples-heading = What harassment can look like
advice-harassment-examples-intro = Harassment can include:
advice-harassment-ex-contact = phone calls, messages, emails or letters that you do not want
advice-harassment-ex-abuse = shouting at you, calling you names or insulting you, face to face or online
advice-harassment-ex-threats = threats to hurt you, your family, your pets or your things
advice-harassment-ex-turning-up = turning up at your home, work, school or other places you go
advice-harassment-ex-damage = damaging your home, car or other things you own
advice-harassment-ex-lies = spreading lies or rumours about you
advice-harassment-ex-posting = posting things about you online to embarrass or upset you
advice-harassment-ex-others = getting other people to do any of these things to you
advice-harassment-more-than-once = It counts as harassment when it has happened at least twice. It does not have to be the same thing each time.
advice-harassment-law-heading = What the law says
advice-harassment-law-offence = Harassment is a crime under the Protection from Harassment Act 1997.
advice-harassment-law-violence = It is a more serious crime if it makes you fear, at least twice, that someone will use violence against you.
advice-harassment-law-hate = If someone harasses you because of your race, religion, disability or sexual orientation, or because you are transgender, it can also be a hate crime.
advice-harassment-fault = You did not cause this and you do not have to put up with it. Whoever the person is, and whatever has happened between you before, they are responsible for what they do.
advice-harassment-report-heading = How to report harassment
advice-harassment-report-html = You can tell us online, by phone or at a police station. Read <a class="govuk-link" href="/advice/what-you-can-do">what you can do if you are being stalked or harassed</a> to find the way that suits you.
advice-harassment-report-anon-html = If you are not ready to talk to the police, you can tell Crimestoppers instead. Call { -tel-crimestoppers }. You do not have to give your name.

## Sexual harassment

advice-sexual-title = Sexual harassment
advice-sexual-lead = Sexual harassment is unwanted behaviour of a sexual kind. It can happen anywhere: in the street, on buses and trains, at work, at school, college or university, or online.
advice-sexual-law-heading = What the law says
advice-sexual-law-equality = The Equality Act 2010 makes sexual harassment against the law at work, in education, such as at school, college or university, and when someone provides you with a service, such as a shop, a bank, a landlord, a hospital or a council. Section 26 of the Act says what harassment is.
advice-sexual-law-test-intro = Under section 26, it is sexual harassment when someone does something of a sexual nature that you did not want, and it was meant to, or did:
advice-sexual-law-test-dignity = violate your dignity, or
advice-sexual-law-test-environment = create an intimidating, hostile, degrading, humiliating or offensive environment for you
advice-sexual-law-reasonable = To decide whether it had that effect, a court or tribunal looks at how you saw it, everything else that was going on, and whether it is reasonable for the conduct to have that effect.
advice-sexual-law-less-favourable = It is also harassment if someone treats you less well because you turned down that kind of behaviour or went along with it. For example, you miss out on shifts, a promotion or a good mark because you said no to a manager or a teacher.
advice-sexual-law-intent = It can be sexual harassment even if the person says it was a joke or that they did not mean to upset you.
advice-sexual-law-where = If it happens at work, you can also tell your employer.
advice-sexual-street-heading = In the street and other public places
advice-sexual-law-not-street = The Equality Act does not cover a stranger harassing you in the street, on a bus or in a park. That is a matter for the criminal law.
advice-sexual-law-street = Many kinds of street harassment are crimes. For example, using threatening or abusive words or behaviour to frighten or distress someone can be an offence under the Public Order Act 1986. Since the Protection from Sex-based Harassment in Public Act 2023, doing this on purpose because of someone's sex is a more serious offence.
advice-sexual-examples-heading = What sexual harassment can look like
advice-sexual-examples-intro = Sexual harassment can include:
advice-sexual-ex-comments = comments about your body, how you look or what you wear
advice-sexual-ex-jokes = sexual jokes or remarks
advice-sexual-ex-whistling = wolf-whistling, catcalling or sexual noises
advice-sexual-ex-staring = staring or leering at you
advice-sexual-ex-touching = touching, hugging or kissing you when you do not want it
advice-sexual-ex-images = sending you sexual messages, photos or videos
advice-sexual-ex-showing = showing you sexual pictures or videos
advice-sexual-ex-requests = asking you for sex or sexual favours
advice-sexual-ex-questions = asking questions about your sex life
advice-sexual-ex-rumours = spreading sexual rumours about you
advice-sexual-crime-heading = When it is also a crime
advice-sexual-crime-intro = Some sexual harassment is also a crime, and the police can act. For example:
advice-sexual-crime-touching = touching you in a sexual way without your consent is sexual assault
advice-sexual-crime-exposure = someone showing you their genitals on purpose can be a crime, in person or in a photo they send you
advice-sexual-crime-photos = taking photos or videos under your clothes without your consent is a crime
advice-sexual-crime-following = following you, or doing something to you again and again, can be harassment or stalking
advice-sexual-fault = Nothing you did caused this. It does not matter what you were wearing, where you were, whether you had been drinking or whether you know the person. You do not have to put up with it.
advice-sexual-help-heading = Where to get help
advice-sexual-help-police-html = You can <a class="govuk-link" href="/report-stalking">report it to us</a> or call { -tel-101 }. If you are in danger now, call { -tel-999 }.
advice-sexual-help-crimestoppers-html = To tell someone without giving your name, call Crimestoppers on { -tel-crimestoppers }.
advice-sexual-help-work-html = If it happens at work, Acas gives free advice about problems at work: { -web-acas }.
advice-sexual-help-eass-html = The Equality Advisory and Support Service gives free advice about discrimination: { -web-eass }.
advice-sexual-help-rape-crisis-html = If you have been sexually assaulted, Rape Crisis can support you, whether or not you tell the police: { -web-rape-crisis }.

## Stalking

advice-stalking-title = Stalking
advice-stalking-lead = Stalking is like harassment, but it is more intense. The person becomes obsessed with you and will not leave you alone. It happens more than once.
advice-stalking-who-heading = Who might stalk you
advice-stalking-who-intro = It could be:
advice-stalking-who-ex = someone you used to be in a relationship with
advice-stalking-who-friend = someone who used to be your friend
advice-stalking-who-known = someone you know from work, school or your area
advice-stalking-who-stranger = someone you have never met
advice-stalking-who-fault = If you know the person, or used to know them, it is still stalking. It is still a crime, and it is not your fault.
advice-stalking-examples-heading = What stalking can look like
advice-stalking-examples-intro = Stalking can include:
advice-stalking-ex-following = following you
advice-stalking-ex-watching = watching you, or spying on you
advice-stalking-ex-loitering = waiting or hanging around near your home, work or places you go
advice-stalking-ex-gifts = sending you gifts, flowers or other things you did not ask for
advice-stalking-ex-contact = calling, messaging or emailing you again and again
advice-stalking-ex-tracking = tracking where you are with a hidden device or an app
advice-stalking-ex-friends = contacting your friends, family or people you work with
advice-stalking-ex-threats = threatening you or the people close to you
advice-stalking-ex-damage = damaging your home, car or other things you own
advice-stalking-more-than-once = It counts as stalking when it has happened more than once.
advice-stalking-four-heading = Is it stalking? Think FOUR
advice-stalking-four-intro = FOUR is a way to help you recognise stalking. It is not a legal test, and the law does not use it.
advice-stalking-four-f-html = <strong>Fixated</strong>: the person cannot stop thinking about you
advice-stalking-four-o-html = <strong>Obsessive</strong>: their attention on you goes far beyond what is normal
advice-stalking-four-u-html = <strong>Unwanted</strong>: you do not want it, and you may have told them to stop
advice-stalking-four-r-html = <strong>Repeated</strong>: it keeps happening, again and again
advice-stalking-four-result = If the behaviour is fixated, obsessive, unwanted and repeated, it may be stalking.
advice-stalking-four-unsure = If you are not sure, you can still tell us or call the National Stalking Helpline. You do not need to be certain.
advice-stalking-law-heading = What the law says
advice-stalking-law-offence = Stalking is a crime under the Protection from Harassment Act 1997.
advice-stalking-law-2012 = In 2012 two crimes of stalking were added to this Act, in sections 2A and 4A.
advice-stalking-law-4a-intro = Section 4A is the more serious crime. It is stalking that either:
advice-stalking-law-4a-fear = makes you fear, on at least two occasions, that violence will be used against you, or
advice-stalking-law-4a-distress = causes you serious alarm or distress that has a substantial adverse effect on your usual day-to-day activities, for example if you change how you get to work, stop going out or move home
advice-stalking-law-order-html = A court can also make an order to protect you, such as a Stalking Protection Order. Read <a class="govuk-link" href="/advice/protective-orders">orders that can protect you</a>.
advice-stalking-help-heading = What you can do
advice-stalking-help-report-html = You can <a class="govuk-link" href="/report-stalking">report stalking to us online</a>, call { -tel-101 } or go to a police station. If you are in danger now, call { -tel-999 }.
advice-stalking-help-what-html = Read <a class="govuk-link" href="/advice/what-you-can-do">what you can do if you are being stalked or harassed</a>, including how to keep a record of what happens.

## Online stalking and harassment

advice-online-title = Online stalking and harassment
advice-online-lead = Stalking and harassment can happen online as well as face to face. It is just as serious, and it can be a crime.
advice-online-where = It can happen on social media, in chat rooms, on gaming sites, on forums, in messaging apps and by email.
advice-online-examples-heading = What it can look like
advice-online-examples-intro = Online stalking and harassment can include:
advice-online-ex-messages = sending you threatening, abusive or unwanted messages
advice-online-ex-fake = making fake profiles to contact you or to watch what you do
advice-online-ex-private = posting your private information, such as your address or phone number
advice-online-ex-images = sharing private or intimate photos or videos of you, or threatening to
advice-online-intimate-html = If someone has shared, or threatens to share, intimate images of you, the Revenge Porn Helpline can help get them taken down: { -web-revenge-porn-helpline }.
advice-online-ex-impersonation = pretending to be you online
advice-online-ex-hacking = getting into your email, social media or other accounts without asking
advice-online-ex-location = tracking where you are through apps, shared accounts or location sharing
advice-online-ex-posting = posting things about you to embarrass you, or getting others to join in
advice-online-steps-heading = What you can do
advice-online-evidence-heading = Keep evidence
advice-online-evidence-screenshots = take screenshots of messages, posts and profiles, and make sure the date and time can be seen
advice-online-evidence-username = write down the person's username and the web address of their profile
advice-online-evidence-keep = do not delete messages, posts or emails, even if they upset you
advice-online-evidence-safe = keep a copy somewhere safe that the person cannot get to
advice-online-platform-heading = Report it to the site or app
advice-online-platform-report = Most sites and apps let you report a message, a post or an account. Save your evidence first, because the post or account may be taken down.
advice-online-platform-block = You can block the person. Blocking can stop new messages reaching you, so save what you already have before you do it.
advice-online-privacy-heading = Check your privacy settings
advice-online-privacy-posts = choose who can see your posts, photos and friends list
advice-online-privacy-location = turn off location sharing in apps, and check whether anyone can see where you are
advice-online-privacy-tags = check who can tag you in posts and photos
advice-online-privacy-followers = look at who follows you or is on your friends list, and remove anyone you do not know
advice-online-accounts-heading = Keep your accounts safe
advice-online-accounts-device = change your passwords using a phone or computer that the person has never used
advice-online-accounts-unique = use a different password for each account
advice-online-accounts-2sv = turn on two-step verification, so a code is needed as well as your password
advice-online-accounts-devices = check which devices are signed in to your accounts, and sign out any you do not recognise
advice-online-accounts-questions = change security questions if the person might know the answers
advice-online-report-heading = Report it to us
advice-online-report-html = Online stalking and harassment are crimes. You can <a class="govuk-link" href="/report-stalking">report it to us online</a> or call { -tel-101 }. Keep your screenshots and notes, because they help us.

## What you can do

advice-what-title = What you can do if you are being stalked or harassed
advice-what-lead = It is not your fault, and you do not have to deal with it on your own. These steps can help keep you safe and help the police take action.
advice-what-danger-heading = If you are in danger now
advice-what-record-heading = Keep a record
advice-what-record-intro = Keep a diary of everything that happens, even if it seems small. For each time, write down:
advice-what-record-when = the date and time
advice-what-record-where = where it happened
advice-what-record-what = what happened, and what the person said or did
advice-what-record-witnesses = the names of anyone who saw or heard it
advice-what-record-effect = how it made you feel, and anything you changed because of it, such as the way you go to work
advice-what-record-soon = Try to write it down as soon as you can after it happens. Keep your diary somewhere safe that the person cannot get to.
advice-what-evidence-heading = Keep evidence
advice-what-evidence-intro = Evidence helps the police. Try to keep:
advice-what-evidence-messages = messages, emails, voicemails and lists of calls
advice-what-evidence-screenshots = screenshots of posts and messages that show the date and time
advice-what-evidence-letters = letters, cards and gifts, in a bag, touching them as little as you can
advice-what-evidence-photos = photos of any damage
advice-what-evidence-video = recordings from a doorbell camera or CCTV
advice-what-evidence-delete = Do not delete anything, even if it upsets you. If you find it too hard to look at, ask someone you trust to help you save it.
advice-what-evidence-reply = Try not to reply to the person or argue with them. If you have replied before, that is fine and it is not your fault.
advice-what-report-heading = Report it as soon as you can
advice-what-report-delay = Do not wait for it to get worse. You do not need to have all the evidence before you tell us, and it does not matter if it started a long time ago.
advice-what-report-ways-heading = Ways to report it
advice-what-report-online-html = <a class="govuk-link" href="/report-stalking">Report it to us online</a>. You do not have to give your name.
advice-what-report-101-html = Call { -tel-101 }, the police number for things that are not an emergency. If you use a textphone or the Relay UK app, call { -tel-18001-101 }.
advice-what-report-station = Go to a police station and ask to speak to someone.
advice-what-report-crimestoppers-html = Call Crimestoppers on { -tel-crimestoppers }. They will not ask for your name.
advice-what-report-someone-else = Someone else can report it for you, such as a friend or family member.
advice-what-trust-heading = Tell someone you trust
advice-what-trust-text = Tell a friend, a family member, or someone at work or school. They can look out for you, help you keep a record and be with you when you report it.
advice-what-support-heading = Get support
advice-what-support-domestic-html = If the person is your partner or ex-partner, the National Domestic Abuse Helpline can help: { -web-domestic-abuse-helpline }.
advice-what-support-victim-html = Victim Support gives free help to anyone affected by crime, even if you have not told the police. Call { -tel-victim-support }.
advice-what-support-more-html = There are more organisations that can help on our page about <a class="govuk-link" href="/advice/support">support for you</a>.
advice-what-place-heading = Tell us about a place where you felt unsafe
advice-what-place-text = If a street, park or other public place made you feel unsafe, you can tell us about it without giving your name. This helps us and the council make it safer.

## Covering your tracks online

tracks-title = Covering your tracks online
tracks-lead = If someone might look at your phone, tablet or computer, there are ways to make it harder for them to see that you have visited this site.
tracks-no-guarantee = None of these ways are completely safe. The safest thing is to use a device the person cannot get to, such as a friend's phone or a computer at a library.
tracks-warning = If you think someone is watching what you do on your device, use a different device if you can.
tracks-exit-heading = Leaving this site quickly
tracks-exit-intro = To leave this site fast, you can:
tracks-exit-esc = press the Esc key
tracks-exit-shift = press the Shift key 3 times quickly
tracks-exit-button = select the Leave this site button at the top of every page
tracks-exit-does-heading = What leaving quickly does
tracks-exit-does-hide = hides the page straight away
tracks-exit-does-history = replaces the page you were on in your browser history, so Back does not return to it
tracks-exit-does-cookies = deletes the cookies this site has saved on your device
tracks-exit-does-answers = deletes any report answers you have not sent yet from our system
tracks-exit-does-weather = takes you to another website, such as a weather forecast
tracks-exit-not-heading = What leaving quickly does not do
tracks-exit-not-earlier = Other pages of this site you looked at before may still be in your browser history.
tracks-exit-not-seen = It cannot hide what someone watching your screen has already seen, or what other apps on your device have recorded.
tracks-exit-not-before = It does not change anything about the websites you visited before you came here.
tracks-exit-no-js = The Esc and Shift keys only work if JavaScript is turned on in your browser. The Leave this site button always works, but without JavaScript the page you were on may stay in your history.
tracks-private-heading = Use private browsing
tracks-private-what = Private browsing means your browser does not save the pages you visit once you close the private window.
tracks-private-names = It has different names in different browsers: Private Browsing, Incognito, InPrivate or a Private window. You can usually find it in the browser's menu.
tracks-private-limits = Private browsing does not hide what you do from spying apps, from someone watching your screen, or from a work or school network. Files you download and bookmarks you save will still be there.
tracks-private-close = When you have finished, close every private window.
tracks-clear-heading = Clear your browsing history
tracks-clear-intro = If you did not use private browsing, you can delete the pages you visited. Your browser keeps:
tracks-clear-history = a history of the pages you visit
tracks-clear-cookies = cookies, which are small files that websites save
tracks-clear-cache = a cache, which is a copy of pages and pictures
tracks-clear-our-cookies = This site's own cookies are deleted when you close your browser or use Leave this site. Your history and cache stay until you clear them.
tracks-clear-computer-heading = On a computer
tracks-clear-computer = Open the browser's menu, then look for History or Privacy, then Clear browsing data. Choose history, cookies and cached images and files. On most browsers on Windows, you can press Ctrl, Shift and Delete together to go straight there.
tracks-clear-phone-heading = On a phone or tablet
tracks-clear-phone = Open the browser's settings, then look for History or Privacy. You can delete single pages or everything from a set time.
tracks-clear-careful = If someone usually checks your history, deleting all of it may make them suspicious. You can delete only the pages from this site instead.
tracks-clear-search = If you are signed in to a search engine or email account, your searches may also be saved in that account.
tracks-shared-heading = Shared devices and accounts
tracks-shared-sync = If you are signed in to your browser, your history can appear on other devices that use the same account, such as a shared laptop or tablet.
tracks-shared-cloud = Shared accounts for photos, backups, email or app stores can show what you do. Someone who knows your password can see them too.
tracks-shared-signed-in = Check which devices are signed in to your accounts, and sign out of any you do not recognise.
tracks-shared-passwords = Change your passwords using a device the person has never used, and turn on two-step verification.
tracks-tracking-heading = Check for tracking
tracks-tracking-intro = Someone could use your phone, an app or a small device to find out where you are.
tracks-tracking-location = Check which apps and people can see your location. This includes family sharing, map apps and social media apps.
tracks-tracking-apps = Look for apps you do not recognise. Some spying apps hide their name or icon.
tracks-tracking-trackers = Small Bluetooth trackers can be hidden in a bag, a coat or a car. Many phones can warn you when an unknown tracker is moving with you. Look for tracker alerts in your phone's settings.
tracks-tracking-careful = Before you remove an app or a tracker, think about whether the person will notice. It can also be evidence. You can talk to us or the National Stalking Helpline first.

## Orders that can protect you

orders-title = Orders that can protect you
orders-lead = A court can make an order that stops someone from doing certain things, such as contacting you or coming near your home. Breaking one of these orders is a crime.
orders-spo-heading = Stalking Protection Orders
orders-spo-what = The police can ask a magistrates' court for a Stalking Protection Order. These orders come from the Stalking Protection Act 2019.
orders-spo-when = The court can make one even if the person has not been charged with a crime. It can ban them from doing things, such as contacting you or going to places you go, and it can require them to do things, such as going to a course.
orders-spo-you = You do not apply for it yourself. Tell us what is happening and we will consider whether to ask for one.
orders-restraining-heading = Restraining orders
orders-restraining-what = When a criminal court deals with someone, it can also make a restraining order to protect you. The court can do this when the person is convicted of a crime, under section 5 of the Protection from Harassment Act 1997, or even when they are found not guilty, if the order is needed to protect you from harassment, under section 5A.
orders-restraining-you = You do not apply for it yourself. The prosecutor asks the court for it, so tell us if you want one.
orders-nmo-heading = Non-molestation orders
orders-nmo-what = You can apply to a family court for a non-molestation order under section 42 of the Family Law Act 1996. It can protect you from someone you have had a close relationship with, such as a partner or ex-partner, a family member or someone you lived with.
orders-nmo-breach = Breaking a non-molestation order is a crime under section 42A of the same Act.
orders-nmo-help-html = A solicitor can help you apply, and you may be able to get legal aid. The National Domestic Abuse Helpline can also explain what to do: { -web-domestic-abuse-helpline }.
orders-breach-heading = If someone breaks an order
orders-breach-html = Call { -tel-999 } if you are in danger now. Otherwise call { -tel-101 }. Tell us which order it is, and keep a record of what they did.

## Support for you

support-title = Support for you
support-lead = You do not have to deal with this on your own. These organisations are not part of the police. You can contact them whether or not you have told us.
support-numbers-note = We only give phone numbers we have checked. For the others, visit their website, which has their phone numbers and opening hours.
support-stalking-heading = Stalking
support-nsh-html = <strong>National Stalking Helpline</strong>: free advice for anyone affected by stalking, run by the Suzy Lamplugh Trust. Call { -tel-stalking-helpline }. Its opening hours are on its website: { -web-stalking-helpline }.
support-paladin-html = <strong>Paladin National Stalking Advocacy Service</strong>: specialist caseworkers who support people at high risk from stalking: { -web-paladin }.
support-pas-html = <strong>Protection Against Stalking</strong>: a charity that supports people who are being stalked and their families: { -web-pas }.
support-crime-heading = After a crime
support-victim-support-html = <strong>Victim Support</strong>: free help for anyone affected by a crime, even if they have not told the police. Call { -tel-victim-support } or visit { -web-victim-support }.
support-crimestoppers-html = <strong>Crimestoppers</strong>: tell them about a crime without giving your name. Call { -tel-crimestoppers } or visit { -web-crimestoppers }.
support-images-html = <strong>Revenge Porn Helpline</strong>: help for adults whose intimate images have been shared, or who are threatened with it, including getting them taken down: { -web-revenge-porn-helpline }.
support-relationships-heading = Partners, ex-partners and family
support-domestic-html = <strong>National Domestic Abuse Helpline</strong>: support for anyone experiencing domestic abuse: { -web-domestic-abuse-helpline }.
support-mens-html = <strong>Men's Advice Line</strong>: support for men who are being abused by a partner, ex-partner or family member: { -web-mens-advice-line }.
support-karma-html = <strong>Karma Nirvana</strong>: support for people affected by forced marriage or so-called honour-based abuse: { -web-karma-nirvana }.
support-galop-html = <strong>Galop</strong>: support for LGBT+ people who experience abuse, violence or hate crime: { -web-galop }.
support-respect-html = <strong>Respect</strong>: help for people who want to stop being abusive or controlling towards a partner or family member. Respect also runs the Men's Advice Line: { -web-respect }.
support-young-heading = Children and young people
support-childline-html = <strong>Childline</strong>: for anyone under 19 who wants to talk about anything that worries them. Call { -tel-childline } or visit { -web-childline }.
support-nspcc-html = <strong>NSPCC</strong>: for adults who are worried about a child. Call { -tel-nspcc } or visit { -web-nspcc }.
support-police-heading = Telling the police
support-police-html = You can <a class="govuk-link" href="/report-stalking">report it to us online</a> or call { -tel-101 }. If you are in danger now, call { -tel-999 }.

## Advice index: more pages

advice-index-after-text = What we do when we receive your report, and what you can expect from us.
advice-index-orders-text = Court orders that can stop someone contacting you or coming near you.
advice-index-support-text = Organisations that can support you, whether or not you tell the police.
advice-index-place-reports-text = How we and the council use reports about places where people felt unsafe.
support-read-more = Find other organisations that can support you
