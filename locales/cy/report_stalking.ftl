# Yr adroddiad ar-lein am stelcian ac aflonyddu. Mae cwestiynau'n defnyddio $who: "self"
# (rhoi gwybod ar eich rhan eich hun) neu "other" (rhoi gwybod ar ran rhywun arall).
# Rhaid i siaradwr Cymraeg adolygu'r testun hwn cyn mynd yn fyw.

rs-title = Rhoi gwybod am stelcian neu aflonyddu
summary-change = Newid

month-name = { $month ->
    [m1] Ionawr
    [m2] Chwefror
    [m3] Mawrth
    [m4] Ebrill
    [m5] Mai
    [m6] Mehefin
    [m7] Gorffennaf
    [m8] Awst
    [m9] Medi
    [m10] Hydref
    [m11] Tachwedd
   *[m12] Rhagfyr
}

## Tudalen gychwyn

rs-start-emergency-html = Os ydych chi neu rywun arall mewn perygl nawr, ffoniwch { -tel-999 }. Peidiwch â defnyddio'r ffurflen hon.
rs-start-what = Defnyddiwch y ffurflen hon i ddweud wrthym am rywun sy'n dal ati i gysylltu â chi, eich dilyn, eich gwylio neu eich dychryn chi neu rywun rydych chi'n ei adnabod. Byddwn ni'n darllen eich adroddiad ac yn penderfynu sut gallwn ni helpu.
rs-start-anonymous = Gallwch chi roi gwybod heb roi eich enw. Os byddwch chi'n ei roi, gallwn ni gysylltu â chi mewn ffordd sy'n ddiogel i chi.
rs-start-before-heading = Cyn i chi ddechrau
rs-start-time = Mae'n cymryd tua 15 munud.
rs-start-need = Mae'n help cael:
rs-start-need-when = syniad bras o pryd dechreuodd a pha mor aml mae'n digwydd
rs-start-need-who = unrhyw beth rydych chi'n ei wybod am y person sy'n ei wneud
rs-start-need-evidence = pa dystiolaeth rydych chi wedi'i chadw, fel negeseuon neu ddyddiadur
rs-start-need-contact = ffordd ddiogel i ni gysylltu â chi, os ydych chi eisiau i ni wneud hynny
rs-start-safety-heading = Cadw'n ddiogel wrth i chi lenwi hwn
rs-start-safety-exit = Os daw rhywun i mewn, pwyswch Esc neu'r botwm Gadael y dudalen hon. Mae'r dudalen yn diflannu ar unwaith ac mae'r atebion sydd heb eu hanfon yn cael eu dileu.
rs-start-safety-saved = Mae eich atebion yn cael eu cadw ar ein system ni, nid ar eich dyfais chi, tra byddwch chi'n llenwi'r ffurflen. Maen nhw'n cael eu dileu os byddwch chi'n stopio am awr.
rs-start-safety-link = Sut i guddio eich bod wedi ymweld â'r wefan hon
rs-start-button = Dechrau nawr
rs-start-other-ways-heading = Ffyrdd eraill o roi gwybod
rs-start-other-101-html = Ffoniwch { -tel-101 }, rhif yr heddlu ar gyfer achosion nad ydynt yn rhai brys.

## Argyfwng

rs-emergency-title = Ffoniwch { -num-999 } nawr
rs-emergency-heading-html = Ffoniwch { -tel-999 } nawr
rs-emergency-call-html = Os ydych chi mewn perygl uniongyrchol, ffoniwch { -tel-999 } a gofynnwch am yr heddlu.
rs-emergency-not-online = Peidiwch â rhoi gwybod am argyfwng ar-lein. Dydyn ni ddim yn gwylio adroddiadau ar-lein drwy'r amser, felly efallai na fyddwn ni'n ei weld yn ddigon cyflym.
rs-emergency-later = Pan fyddwch chi'n ddiogel, gallwch chi ddod yn ôl a dweud wrthym beth sydd wedi bod yn digwydd.
rs-emergency-not-in-danger = Dydw i ddim mewn perygl uniongyrchol

## Cwestiynau (pennawd, awgrym dewisol, a'r label byr ar y dudalen wirio)

rs-danger = Ydych chi neu unrhyw un arall mewn perygl uniongyrchol?
rs-danger-hint = Er enghraifft, mae'r person gyda chi nawr, y tu allan i'ch cartref, neu newydd fygwth brifo rhywun.
rs-danger-summary = Mewn perygl uniongyrchol

rs-who-for = Ar ran pwy rydych chi'n rhoi gwybod?
rs-who-for-self = Fi fy hun
rs-who-for-other = Rhywun arall
rs-who-for-summary = Rhoi gwybod ar ran

rs-their-name = Beth yw enw'r person y mae hyn yn digwydd iddo? (dewisol)
rs-their-name-hint = Gallwch chi adael hwn yn wag os nad ydych chi'n ei wybod neu os byddai'n well gennych chi beidio â dweud.
rs-their-name-summary = Enw'r person

rs-your-relationship-to-them = Sut rydych chi'n adnabod y person?
rs-your-relationship-to-them-summary = Sut rydych chi'n adnabod y person
rs-reporter-partner = Rwy'n bartner i'r person
rs-reporter-family = Rwy'n aelod o'r teulu
rs-reporter-friend = Rwy'n ffrind
rs-reporter-colleague = Rydyn ni'n gweithio neu'n astudio gyda'n gilydd
rs-reporter-neighbour = Rwy'n gymydog
rs-reporter-professional = Rwy'n cefnogi'r person drwy fy ngwaith, er enghraifft fel athro, gofalwr neu weithiwr cymorth
rs-reporter-other = Mewn ffordd arall

rs-do-they-know = Ydy'r person yn gwybod eich bod yn dweud wrthym am hyn?
rs-do-they-know-summary = Yn gwybod am yr adroddiad hwn

rs-safe-to-contact-them = Ydy hi'n ddiogel i ni gysylltu â'r person?
rs-safe-to-contact-them-hint = Meddyliwch a allai'r person sy'n gwneud hyn weld ei ffôn, ei negeseuon neu ei negeseuon e-bost, neu fod gydag ef.
rs-safe-to-contact-them-summary = Diogel cysylltu â'r person

rs-how-to-contact-them = Sut gallwn ni gysylltu â'r person yn ddiogel?
rs-how-to-contact-them-summary = Sut i gysylltu â'r person
rs-contact-them-phone = Dros y ffôn
rs-contact-them-email = Drwy e-bost
rs-contact-them-through-you = Drwyddo i

rs-their-phone = Pa rif ffôn dylen ni ei ddefnyddio ar gyfer y person?
rs-their-phone-hint = Ar gyfer rhifau yn y DU, rhowch y cod ardal. Ar gyfer rhifau rhyngwladol, rhowch god y wlad.
rs-their-phone-summary = Rhif ffôn y person

rs-their-email = Pa gyfeiriad e-bost dylen ni ei ddefnyddio ar gyfer y person?
rs-their-email-hint = Rhowch gyfeiriad na all y person sy'n gwneud hyn ei ddarllen yn unig.
rs-their-email-summary = Cyfeiriad e-bost y person

rs-what-is-happening = { $who ->
    [other] Beth sy'n digwydd i'r person?
   *[self] Beth sy'n digwydd i chi?
}
rs-what-is-happening-hint = Dewiswch bob un sy'n berthnasol.
rs-what-is-happening-other-label = Os dewisoch chi rywbeth arall, dywedwch wrthym beth (dewisol)
rs-what-is-happening-summary = Beth sy'n digwydd
rs-behaviour-following = Dilyn
rs-behaviour-watching = Gwylio neu ysbïo
rs-behaviour-turning-up = Dod i'r cartref, y gwaith neu'r ysgol
rs-behaviour-contact = Galwadau, negeseuon neu lythyrau digroeso
rs-behaviour-gifts = Anrhegion digroeso neu bethau wedi'u gadael
rs-behaviour-friends-family = Cysylltu â ffrindiau, teulu neu gydweithwyr
rs-behaviour-tracking = Tracio gyda dyfais neu ap
rs-behaviour-online = Postio am y person neu ei fywyd ar-lein
rs-behaviour-threats = Bygythiadau
rs-behaviour-damage = Difrodi eiddo
rs-behaviour-sexual = Sylwadau rhywiol neu gyffwrdd digroeso
rs-behaviour-other = Rhywbeth arall

rs-more-than-once = Ydy e wedi digwydd fwy nag unwaith?
rs-more-than-once-hint = Patrwm o bethau sy'n digwydd dro ar ôl tro yw stelcian ac aflonyddu fel arfer.
rs-more-than-once-summary = Mwy nag unwaith

rs-when-it-started = Pryd dechreuodd?
rs-when-it-started-hint = Mae dyddiad bras yn iawn. Er enghraifft, 14 3 2024 ar gyfer 14 Mawrth 2024. Os nad ydych chi'n cofio'r diwrnod, gadewch ef yn wag a rhowch y mis a'r flwyddyn.
rs-when-it-started-summary = Pryd dechreuodd

rs-how-often = Pa mor aml mae'n digwydd nawr?
rs-how-often-summary = Pa mor aml nawr
rs-often-daily = Bob dydd
rs-often-weekly-several = Ychydig o weithiau'r wythnos
rs-often-weekly = Tua unwaith yr wythnos
rs-often-monthly = Tua unwaith y mis
rs-often-less = Yn llai aml nag unwaith y mis
rs-often-stopped = Mae wedi dod i ben

rs-getting-worse = { $who ->
    [other] Ydy'r sefyllfa'n gwaethygu i'r person?
   *[self] Ydy'r sefyllfa'n gwaethygu?
}
rs-getting-worse-hint = Er enghraifft, mae'n digwydd yn amlach, neu mae'r person yn fwy blin neu'n fwy bygythiol.
rs-getting-worse-summary = Yn gwaethygu

rs-who-is-doing-it = Pwy sy'n ei wneud?
rs-who-is-doing-it-hint = { $who ->
    [other] Dewiswch sut mae'r person yn gysylltiedig â'r person y mae'n digwydd iddo.
   *[self] Dewiswch sut mae'r person yn gysylltiedig â chi.
}
rs-who-is-doing-it-summary = Pwy sy'n ei wneud
rs-rel-partner = Partner presennol
rs-rel-ex-partner = Cyn-bartner
rs-rel-family = Aelod o'r teulu
rs-rel-known = Rhywun cyfarwydd, fel ffrind neu gydnabod
rs-rel-colleague = Rhywun o'r gwaith neu'r ysgol
rs-rel-neighbour = Cymydog
rs-rel-stranger = Dieithryn
rs-rel-unknown = Dydw i ddim yn gwybod pwy ydyw

rs-describe-them = Dywedwch wrthym am y person sy'n ei wneud (dewisol)
rs-describe-them-hint = Er enghraifft, ei enw, sut mae'n edrych, ble mae'n byw neu'n gweithio, ei gar, neu ei enwau defnyddiwr ar-lein.
rs-describe-them-summary = Am y person

rs-threats = { $who ->
    [other] Ydy'r person wedi bygwth brifo neu ladd y person y mae'n digwydd iddo, neu rywun sy'n agos ato?
   *[self] Ydy'r person wedi bygwth eich brifo neu eich lladd chi, neu rywun sy'n agos atoch chi?
}
rs-threats-summary = Bygythiadau i frifo neu ladd

rs-afraid = { $who ->
    [other] Ydy'r person y mae'n digwydd iddo'n ofni beth allai'r person ei wneud?
   *[self] Ydych chi'n ofni beth allai'r person ei wneud?
}
rs-afraid-summary = Yn ofni beth allai ei wneud

rs-weapons = Oes gan y person arf, neu a allai gael gafael ar un?
rs-weapons-hint = Er enghraifft, gwn, cyllell, neu unrhyw beth mae wedi dweud y byddai'n ei ddefnyddio i frifo rhywun.
rs-weapons-summary = Gallu cael arfau

rs-where = Ble mae'n digwydd?
rs-where-summary = Ble mae'n digwydd
rs-where-online = Ar-lein yn unig
rs-where-in-person = Wyneb yn wyneb yn unig
rs-where-both = Ar-lein ac wyneb yn wyneb

rs-what-happened = Dywedwch wrthym beth sydd wedi digwydd
rs-what-happened-hint = Rhowch ddyddiadau, amseroedd a lleoedd os gallwch chi, beth wnaeth neu ddywedodd y person, ac unrhyw un a'i gwelodd. Dechreuwch gyda'r hyn sy'n eich poeni fwyaf.
rs-what-happened-summary = Beth sydd wedi digwydd

rs-evidence = Pa dystiolaeth sydd gennych chi?
rs-evidence-hint = Dewiswch bob un sy'n berthnasol. Peidiwch â dileu dim byd, hyd yn oed os yw'n peri gofid: gallai ein helpu yn nes ymlaen.
rs-evidence-summary = Tystiolaeth
rs-evidence-messages = Negeseuon, negeseuon e-bost neu gofnodion galwadau
rs-evidence-screenshots = Sgrinluniau o bostiadau neu broffiliau
rs-evidence-diary = Dyddiadur neu nodiadau am yr hyn a ddigwyddodd
rs-evidence-photos = Lluniau neu fideos
rs-evidence-recordings = Negeseuon llais neu recordiadau
rs-evidence-gifts = Llythyrau, anrhegion neu bethau a adawyd gan y person
rs-evidence-witnesses = Pobl a'i gwelodd neu a'i clywodd
rs-evidence-none = Does gen i ddim tystiolaeth

rs-your-name-or-anonymous = Ydych chi eisiau rhoi eich enw?
rs-your-name-or-anonymous-hint = Os byddwch chi'n aros yn ddienw, allwn ni ddim cysylltu â chi, dweud wrthych chi beth sy'n digwydd nesaf, na gofyn mwy o gwestiynau i chi.
rs-your-name-or-anonymous-summary = Enw neu ddienw
rs-identity-named = Ydw, rhoi fy enw a fy manylion cyswllt
rs-identity-anonymous = Nac ydw, rhoi gwybod yn ddienw

rs-name = Beth yw eich enw llawn?
rs-name-summary = Eich enw

rs-date-of-birth = Beth yw eich dyddiad geni?
rs-date-of-birth-hint = Er enghraifft, 27 3 1990.
rs-date-of-birth-summary = Eich dyddiad geni

rs-address = Beth yw eich cyfeiriad?
rs-address-hint = Rydyn ni'n defnyddio hwn i ddod o hyd i'ch adroddiad ar ein systemau ac i benderfynu pa swyddogion all eich helpu. Fyddwn ni ddim yn ymweld â chi nac yn ysgrifennu atoch chi oni bai eich bod yn gofyn i ni wneud hynny.
rs-address-postcode = Cod post
rs-address-lines = Cyfeiriad (dewisol)
rs-address-lines-hint = Rhif y tŷ, y stryd a'r dref.
rs-address-summary = Eich cyfeiriad

rs-contact = Sut gallwn ni gysylltu â chi yn ddiogel?
rs-contact-hint = Dewiswch ffordd na all y person sy'n gwneud hyn ei gweld na'i gwirio.
rs-contact-summary = Cysylltu'n ddiogel
rs-contact-phone = Dros y ffôn
rs-contact-email = Drwy e-bost
rs-contact-none = Peidiwch â chysylltu â fi

rs-phone = Pa rif ffôn dylen ni ei ddefnyddio?
rs-phone-hint = Ar gyfer rhifau yn y DU, rhowch y cod ardal. Ar gyfer rhifau rhyngwladol, rhowch god y wlad.
rs-phone-summary = Rhif ffôn

rs-email = Pa gyfeiriad e-bost dylen ni ei ddefnyddio?
rs-email-hint = Rhowch gyfeiriad na all y person sy'n gwneud hyn ei ddarllen yn unig.
rs-email-summary = Cyfeiriad e-bost

rs-safe-times = Pryd mae'n ddiogel cysylltu â chi? (dewisol)
rs-safe-times-hint = Er enghraifft, yn ystod yr wythnos rhwng 9am a 12pm.
rs-safe-times-summary = Amseroedd diogel

rs-leave-message = Gawn ni adael neges llais neu anfon neges destun sy'n sôn am yr heddlu?
rs-leave-message-summary = Caniatáu neges llais neu neges destun

rs-do-not-contact = Oes unrhyw un na ddylen ni siarad ag ef am hyn? (dewisol)
rs-do-not-contact-hint = Er enghraifft, rhywun sy'n byw gyda chi neu a allai ateb eich ffôn.
rs-do-not-contact-summary = Peidio â siarad â

## Gwallau

rs-err-danger = Dewiswch ie os ydych chi neu unrhyw un arall mewn perygl uniongyrchol
rs-err-who-for = Dewiswch ar ran pwy rydych chi'n rhoi gwybod
rs-err-their-name-long = Rhaid i'r enw fod yn 100 nod neu lai
rs-err-your-relationship = Dewiswch sut rydych chi'n adnabod y person
rs-err-they-know = Dewiswch a yw'r person yn gwybod eich bod yn dweud wrthym am hyn
rs-err-safe-to-contact-them = Dewiswch a yw'n ddiogel i ni gysylltu â'r person
rs-err-how-to-contact-them = Dewiswch sut gallwn ni gysylltu â'r person yn ddiogel
rs-err-their-phone-missing = Rhowch rif ffôn y person
rs-err-their-email-missing = Rhowch gyfeiriad e-bost y person
rs-err-behaviours = Dewiswch beth sy'n digwydd
rs-err-behaviours-other-long = Rhaid i'r hyn arall sy'n digwydd fod yn 200 nod neu lai
rs-err-repeated = Dewiswch a yw wedi digwydd fwy nag unwaith
rs-err-started-missing = Rhowch pryd dechreuodd
rs-err-started-real = Rhaid i pryd dechreuodd fod yn ddyddiad go iawn
rs-err-started-future = Rhaid i pryd dechreuodd fod heddiw neu yn y gorffennol
rs-err-started-incomplete = Rhaid i pryd dechreuodd gynnwys mis a blwyddyn
rs-err-frequency = Dewiswch pa mor aml mae'n digwydd nawr
rs-err-worse = Dewiswch a yw'n gwaethygu
rs-err-relationship = Dewiswch pwy sy'n ei wneud
rs-err-description-long = Rhaid i'r hyn rydych chi'n ei ddweud wrthym am y person fod yn 1,000 nod neu lai
rs-err-threats = Dewiswch a yw'r person wedi bygwth brifo neu ladd unrhyw un
rs-err-afraid = Dewiswch a oes ofn beth allai'r person ei wneud
rs-err-weapons = Dewiswch a oes gan y person arf neu a allai gael gafael ar un
rs-err-places = Dewiswch ble mae'n digwydd
rs-err-narrative-missing = Rhowch beth sydd wedi digwydd
rs-err-narrative-long = Rhaid i beth sydd wedi digwydd fod yn 5,000 nod neu lai
rs-err-evidence = Dewiswch pa dystiolaeth sydd gennych chi, neu dewiswch nad oes gennych chi ddim
rs-err-evidence-none = Dewiswch y dystiolaeth sydd gennych chi, neu dewiswch nad oes gennych chi ddim, nid y ddau
rs-err-identity = Dewiswch a ydych chi eisiau rhoi eich enw
rs-err-name-missing = Rhowch eich enw llawn
rs-err-name-long = Rhaid i'ch enw llawn fod yn 100 nod neu lai
rs-err-dob-missing = Rhowch eich dyddiad geni
rs-err-dob-real = Rhaid i'r dyddiad geni fod yn ddyddiad go iawn
rs-err-dob-future = Rhaid i'r dyddiad geni fod yn y gorffennol
rs-err-dob-incomplete = Rhaid i'r dyddiad geni gynnwys diwrnod, mis a blwyddyn
rs-err-postcode-missing = Rhowch eich cod post
rs-err-postcode-real = Rhowch god post go iawn, fel SW1A 1AA
rs-err-address-long = Rhaid i'r cyfeiriad fod yn 500 nod neu lai
rs-err-contact = Dewiswch sut gallwn ni gysylltu â chi yn ddiogel
rs-err-phone-missing = Rhowch rif ffôn
rs-err-phone-format = Rhowch rif ffôn, fel 01632 960 001, 07700 900 982 neu +44 808 157 0192
rs-err-email-missing = Rhowch gyfeiriad e-bost
rs-err-email-format = Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com
rs-err-safe-times-long = Rhaid i'r amseroedd diogel fod yn 200 nod neu lai
rs-err-leave-message = Dewiswch ie os gallwn ni adael neges llais neu anfon neges destun
rs-err-do-not-contact-long = Rhaid i'r rhai na ddylen ni siarad â nhw fod yn 500 nod neu lai

## Gwirio, anfon, cadarnhad

rs-check-title = Gwiriwch eich atebion cyn anfon eich adroddiad
rs-check-send-heading = Nawr anfonwch eich adroddiad
rs-check-declaration = { $who ->
    [other] Drwy anfon yr adroddiad hwn rydych chi'n cadarnhau bod yr hyn rydych chi wedi'i ddweud wrthym yn wir, hyd y gwyddoch chi.
   *[self] Drwy anfon yr adroddiad hwn rydych chi'n cadarnhau bod yr hyn rydych chi wedi'i ddweud wrthym yn wir, hyd eithaf eich gwybodaeth.
}
rs-check-send = Anfon adroddiad

rs-not-sent-title = Dydy eich adroddiad ddim wedi cael ei anfon
rs-not-sent-what = Aeth rhywbeth o'i le ar ein hochr ni a doedd dim modd i ni gadw eich adroddiad. Dydyn ni ddim wedi ei gael.
rs-not-sent-kept = Mae eich atebion yn dal wedi'u cadw. Rhowch gynnig arall arni nawr, neu o fewn { $minutes } munud.
rs-not-sent-retry = Rhoi cynnig arall ar anfon
rs-not-sent-other-ways-html = Os yw'n dal i ddigwydd, ffoniwch { -tel-101 } i roi gwybod amdano.

rs-confirm-title = Adroddiad wedi'i anfon
rs-confirm-reference = Eich cyfeirnod
rs-confirm-once = Ysgrifennwch eich cyfeirnod nawr. Er eich diogelwch, dim ond unwaith rydyn ni'n ei ddangos: os dewch chi'n ôl i'r dudalen hon, neu os bydd rhywun arall yn ei hagor ar y ddyfais hon, fydd e ddim yn cael ei ddangos eto.
rs-confirm-keep = Cadwch y cyfeirnod hwn rywle diogel na all y person sy'n gwneud hyn ei weld, neu cofiwch ef. Gallwch chi ei ddefnyddio os byddwch chi'n ein ffonio am yr adroddiad hwn. Fyddwn ni ddim yn ei anfon atoch chi.
rs-confirm-print = Gallwch chi argraffu'r dudalen hon gydag opsiwn argraffu eich porwr. Gwnewch hyn dim ond os nad oes neb a allai weld y copi papur yn rhan o hyn.
rs-confirm-print-button = Argraffu'r dudalen hon
rs-confirm-next-heading = Beth sy'n digwydd nesaf
rs-confirm-next-standard = Bydd swyddog heddlu neu aelod o staff yn darllen eich adroddiad, fel arfer o fewn 2 ddiwrnod gwaith.
rs-confirm-next-urgent = Oherwydd yr hyn a ddywedoch chi wrthym am fygythiadau, ofn neu arfau, bydd eich adroddiad yn cael ei ddarllen cyn rhai eraill, cyn gynted ag y gallwn ni.
rs-confirm-next-named = Byddwn ni ond yn cysylltu â chi yn y ffordd ac ar yr adegau a ddewisoch chi.
rs-confirm-next-anonymous = Rhoesoch chi wybod yn ddienw, felly allwn ni ddim dweud wrthych chi beth sy'n digwydd nesaf. Byddwn ni'n dal i ddefnyddio'r hyn a ddywedoch chi wrthym.
rs-confirm-support-heading = Cael cymorth
rs-confirm-101-html = I ychwanegu rhywbeth at eich adroddiad, ffoniwch { -tel-101 } a rhowch eich cyfeirnod.
rs-confirm-advice-link = Darllen cyngor am yr hyn y gallwch chi ei wneud nawr
rs-confirm-feedback-link = Dywedwch wrthym beth oeddech chi'n ei feddwl o'r ffurflen hon
rs-confirm-feedback-time = (mae'n cymryd 30 eiliad).

## Ar ôl atebion risg uchel (cerdyn sy'n torri ar draws cyn i'r adroddiad barhau)

rs-safety-title = { $who ->
    [other] Cyn i chi fynd ymlaen: cadw'r person yn ddiogel
   *[self] Cyn i chi fynd ymlaen: cadw'n ddiogel
}
rs-safety-why = { $who ->
    [other] Mae'r hyn rydych chi wedi'i ddweud wrthym yn awgrymu y gallai'r person fod mewn perygl o niwed difrifol.
   *[self] Mae'r hyn rydych chi wedi'i ddweud wrthym yn awgrymu y gallech chi fod mewn perygl o niwed difrifol.
}
rs-safety-call = Os oes unrhyw un mewn perygl nawr, ffoniwch { $number }.
rs-safety-mobile-html = Os byddwch chi'n ffonio { -num-999 } o ffôn symudol ac yn methu siarad, gwrandewch ar y cwestiynau, pesychwch neu tapiwch y ffôn os gallwch chi, a phwyswch { -tel-55 } pan ofynnir i chi. Dyma'r Ateb Tawel (Silent Solution): mae'n eich cysylltu â'r heddlu.
rs-safety-landline-html = Dim ond o ffôn symudol mae pwyso { -tel-55 } yn gweithio. Os byddwch chi'n ffonio o linell dir ac yn methu siarad, arhoswch ar y llinell a gwnewch beth mae'r gweithredwr yn ei ofyn.
rs-safety-relay = Os ydych chi'n fyddar, yn drwm eich clyw neu'n methu siarad, gallwch chi ffonio { $number } gyda ffôn testun neu ap Relay UK.
rs-safety-sms = Os ydych chi wedi cofrestru ar gyfer y gwasanaeth SMS brys, gallwch chi anfon neges destun i { -num-999 }.
rs-safety-advice-heading = { $who ->
    [other] Pethau a all helpu i gadw'r person yn ddiogel
   *[self] Pethau a all helpu i'ch cadw chi'n ddiogel
}
rs-safety-advice-phone = { $who ->
    [other] Anogwch y person i gadw ffôn sydd wedi'i wefru gydag ef.
   *[self] Cadwch ffôn sydd wedi'i wefru gyda chi.
}
rs-safety-advice-tell = { $who ->
    [other] Gwnewch yn siŵr bod rhywun mae'r person yn ymddiried ynddo'n gwybod beth sy'n digwydd.
   *[self] Dywedwch wrth rywun rydych chi'n ymddiried ynddo beth sy'n digwydd a ble byddwch chi.
}
rs-safety-advice-plan = { $who ->
    [other] Meddyliwch gyda'ch gilydd am ble gallai'r person fynd os oes angen iddo adael yn gyflym.
   *[self] Meddyliwch am ble gallech chi fynd os oes angen i chi adael yn gyflym.
}
rs-safety-first = Pan fyddwch chi'n anfon yr adroddiad hwn, byddwn ni'n ei ddarllen cyn adroddiadau heb y risgiau hyn.
