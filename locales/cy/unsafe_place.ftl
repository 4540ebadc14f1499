# Dweud wrthym am fan lle roeddech chi'n teimlo'n anniogel. Dienw: dim enw, manylion cyswllt
# na chyfrif. Rhaid i siaradwr Cymraeg adolygu'r testun hwn cyn mynd yn fyw.

up-title = Dweud wrthym am fan lle roeddech chi'n teimlo'n anniogel
up-prefer-not = Mae'n well gen i beidio â dweud

## Dechrau

up-start-lead = Dywedwch wrthym am stryd, parc, maes parcio neu fan cyhoeddus arall lle rydych chi wedi teimlo'n anniogel, a pham.
up-start-anonymous = Mae hyn yn ddienw. Dydyn ni ddim yn gofyn am eich enw na sut i gysylltu â chi, a dydyn ni ddim yn cadw eich cyfeiriad rhyngrwyd.
up-start-use = Rydyn ni'n rhoi'r hyn mae pobl yn ei ddweud wrthym at ei gilydd i ddod o hyd i fannau y mae angen eu gwneud yn fwy diogel, ac yn ei rannu â'r cyngor heb ddim byd a allai ddangos pwy ydych chi.
up-start-not-for = Nid yw hwn ar gyfer rhoi gwybod am drosedd neu argyfwng.
up-start-999-html = Os ydych chi mewn perygl nawr, ffoniwch { -tel-999 }.
up-start-101-html = I roi gwybod am drosedd, ffoniwch { -tel-101 }.
up-start-stalking-link = Rhoi gwybod am stelcian neu aflonyddu ar-lein
up-start-time = Mae'n cymryd tua 3 munud.
up-start-exit = I adael y wefan hon yn gyflym, pwyswch Esc neu'r botwm Gadael y dudalen hon.

## Ble

up-where = Ble roeddech chi'n teimlo'n anniogel?
up-where-intro = Chwiliwch am y stryd, y lle neu'r cod post. Os na allwch chi ddod o hyd iddo, disgrifiwch ble mae.
up-where-current = Dywedoch chi wrthym:
up-where-search-label = Chwilio am stryd, lle neu god post
up-where-search-hint = Er enghraifft, Millbrook Park neu NS1 2AB
up-where-search-button = Chwilio
up-where-no-results = Doedd dim modd i ni ddod o hyd i le gyda'r enw hwnnw. Rhowch gynnig ar chwiliad arall, neu disgrifiwch ble mae.
up-where-choose = Dewiswch y lle
up-where-describe-summary = Dydw i ddim yn gallu dod o hyd i'r lle
up-where-describe-label = Disgrifiwch ble mae
up-where-describe-hint = Er enghraifft, y llwybr y tu ôl i'r ganolfan hamdden, rhwng y maes parcio a'r afon. Peidiwch â chynnwys eich enw, eich cyfeiriad na'ch rhif ffôn eich hun.
up-where-summary = Ble

## Pam

up-the-place = Beth am y lle a wnaeth i chi deimlo'n anniogel?
up-the-place-hint = Dewiswch bob un sy'n berthnasol.
up-the-place-other-label = Os dewisoch chi rywbeth arall, dywedwch wrthym beth (dewisol)
up-the-place-summary = Am y lle
up-reason-lighting = Doedd dim digon o olau
up-reason-cctv = Doedd dim teledu cylch cyfyng (CCTV)
up-reason-isolated = Roedd yn wag neu'n anghysbell, neu roedd yr adeiladau'n wag
up-reason-layout = Cynllun y lle, fel corneli cudd neu lonydd cefn
up-reason-visibility = Doeddwn i ddim yn gallu gweld yn bell, oherwydd llwyni, gwrychoedd neu waliau
up-reason-rundown = Roedd yn flêr, gydag adeiladau adfeiliedig, graffiti neu sbwriel wedi'i daflu
up-reason-drugs-alcohol = Roedd arwyddion o ddefnyddio cyffuriau neu alcohol
up-reason-other = Rhywbeth arall am y lle
up-reason-none-place = Dim byd am y lle ei hun

up-people = Wnaeth unrhyw un i chi deimlo'n anniogel?
up-people-hint = Dewiswch bob un sy'n berthnasol.
up-people-summary = Beth wnaeth pobl
up-reason-verbal-stranger = Dywedodd dieithryn rywbeth wrtha i
up-reason-verbal-group = Dywedodd grŵp o bobl bethau wrtha i
up-reason-followed = Ces i fy nilyn
up-reason-other-harassment = Math arall o aflonyddu
up-reason-none-people = Naddo, wnaeth neb

## Pryd

up-when = Pryd oedd y tro diwethaf i chi deimlo'n anniogel yno?
up-when-hint = Er enghraifft, 27 3 2026
up-when-summary = Dyddiad

up-time-of-day = Pa adeg o'r dydd oedd hi?
up-time-of-day-summary = Adeg o'r dydd
up-time-0 = Hanner nos i 3am
up-time-3 = 3am i 6am
up-time-6 = 6am i 9am
up-time-9 = 9am i hanner dydd
up-time-12 = Hanner dydd i 3pm
up-time-15 = 3pm i 6pm
up-time-18 = 6pm i 9pm
up-time-21 = 9pm i hanner nos

up-how-often = Pa mor aml rydych chi'n teimlo'n anniogel yno?
up-how-often-summary = Pa mor aml
up-often-once = Dyma'r unig dro
up-often-sometimes = Weithiau
up-often-often = Yn aml
up-often-always = Bob tro rwy'n mynd yno

## Unrhyw beth arall

up-anything-else = Oes unrhyw beth arall rydych chi eisiau ei ddweud wrthym am y lle? (dewisol)
up-anything-else-hint = Peidiwch â chynnwys enwau, cyfeiriadau, rhifau ffôn na chyfeiriadau e-bost. Rydyn ni'n dileu unrhyw rai rydyn ni'n dod o hyd iddynt.
up-anything-else-summary = Unrhyw beth arall

## Amdanoch chi (dewisol)

up-about-you = Hoffech chi ateb rhai cwestiynau amdanoch chi eich hun?
up-about-you-hint = Mae hyn yn ein helpu i ddeall pwy sy'n teimlo'n anniogel a ble. Mae'n ddewisol a does dim modd ei ddefnyddio i ddangos pwy ydych chi.
up-about-you-summary = Cwestiynau amdanoch chi

up-age = Beth yw eich oed?
up-age-summary = Oed
up-age-under-18 = O dan 18
up-age-18-24 = 18 i 24
up-age-25-34 = 25 i 34
up-age-35-44 = 35 i 44
up-age-45-54 = 45 i 54
up-age-55-64 = 55 i 64
up-age-65-plus = 65 neu hŷn

up-sex = Beth yw eich rhyw?
up-sex-summary = Rhyw
up-sex-female = Benyw
up-sex-male = Gwryw

up-gender = Ydy'r rhywedd rydych chi'n uniaethu ag ef yr un fath â'r rhyw a gofrestrwyd pan gawsoch chi eich geni?
up-gender-summary = Rhywedd yr un fath ag adeg geni

up-ethnicity = Beth yw eich grŵp ethnig?
up-ethnicity-summary = Grŵp ethnig
up-eth-asian = Asiaidd, Cymreig Asiaidd neu Brydeinig Asiaidd
up-eth-black = Du, Cymreig Du, Prydeinig Du, Caribïaidd neu Affricanaidd
up-eth-mixed = Grwpiau ethnig cymysg neu amlethnig
up-eth-white = Gwyn
up-eth-other = Grŵp ethnig arall

up-disability = Oes gennych chi anabledd?
up-disability-hint = Cyflwr neu salwch iechyd corfforol neu feddyliol sydd wedi para, neu y disgwylir iddo bara, 12 mis neu fwy.
up-disability-summary = Anabledd

up-not-reported = Os digwyddodd trosedd, pam na wnaethoch chi roi gwybod i'r heddlu amdani?
up-not-reported-hint = Dewiswch bob un sy'n berthnasol.
up-not-reported-summary = Pam na roddwyd gwybod
up-nr-no-crime = Ddigwyddodd dim trosedd
up-nr-nothing-done = Doeddwn i ddim yn meddwl y byddai dim byd yn cael ei wneud
up-nr-afraid = Roedd gen i ofn beth allai ddigwydd
up-nr-not-sure-how = Doeddwn i ddim yn gwybod sut i roi gwybod amdani
up-nr-reported = Mi wnes i roi gwybod amdani
up-nr-other = Rheswm arall

## Gwirio, anfon, cadarnhad

up-check-title = Gwiriwch eich atebion cyn eu hanfon
up-check-send-heading = Nawr anfonwch eich atebion
up-check-declaration = Mae hyn yn ddienw: fyddwn ni ddim yn gallu cysylltu â chi amdano.
up-check-send = Anfon

up-not-sent-title = Dydy eich atebion ddim wedi cael eu hanfon
up-not-sent-what = Aeth rhywbeth o'i le ar ein hochr ni a doedd dim modd i ni gadw eich atebion. Maen nhw'n dal wedi'u cadw yma, felly gallwch chi roi cynnig arall arni nawr.

up-confirm-title = Diolch, mae eich atebion wedi cael eu hanfon
up-confirm-next-heading = Beth sy'n digwydd nesaf
up-confirm-next-map = Rydyn ni'n ychwanegu'r hyn a ddywedoch chi wrthym at fap o fannau lle mae pobl yn teimlo'n anniogel. Mae staff yr heddlu a'r cyngor yn ei ddefnyddio i benderfynu ble i batrolio a beth i'w drwsio, fel goleuadau stryd a llwybrau sydd wedi gordyfu.
up-confirm-next-council = Dim ond cyfansymiau wythnosol ar gyfer ardaloedd o tua 0.1 cilomedr sgwâr y mae cynghorau'n eu cael, a dim ond lle mae o leiaf { $k } o bobl wedi rhoi rheswm y gall cyngor ei drwsio, fel goleuadau. Dydyn nhw byth yn cael eich adroddiad, yr hyn a ysgrifennoch chi, eich atebion amdanoch chi, yr union le na rhesymau am sut roedd pobl yn ymddwyn.
up-confirm-no-reply = Gan fod hyn yn ddienw, allwn ni ddim eich ateb chi.
up-confirm-more-heading = Os oes rhywbeth arall yn digwydd
up-confirm-stalking-link = Rhoi gwybod am stelcian neu aflonyddu ar-lein

## Gwallau

up-err-where = Chwiliwch am y lle, neu disgrifiwch ble mae
up-err-search-empty = Rhowch stryd, lle neu god post i chwilio amdano
up-err-outside = Dydy'r lle hwn ddim yn yr ardal rydyn ni'n ei gwasanaethu. Dywedwch wrth yr heddlu ar gyfer yr ardal honno yn lle hynny
up-err-description-long = Rhaid i ble mae fod yn 500 nod neu lai
up-err-place = Dewiswch beth am y lle a wnaeth i chi deimlo'n anniogel, neu dewiswch dim byd am y lle
up-err-place-other-long = Rhaid i beth arall am y lle fod yn 200 nod neu lai
up-err-place-none = Dewiswch beth am y lle a wnaeth i chi deimlo'n anniogel, neu dim byd am y lle, nid y ddau
up-err-people = Dewiswch a wnaeth unrhyw un i chi deimlo'n anniogel
up-err-people-none = Dewiswch beth wnaeth pobl, neu na wnaeth neb, nid y ddau
up-err-no-reason = Dewiswch o leiaf un rheswm pam roeddech chi'n teimlo'n anniogel, am y lle neu am bobl
up-err-when-missing = Rhowch y dyddiad y gwnaethoch chi deimlo'n anniogel yno ddiwethaf
up-err-when-real = Rhaid i'r dyddiad fod yn ddyddiad go iawn
up-err-when-future = Rhaid i'r dyddiad fod heddiw neu yn y gorffennol
up-err-when-incomplete = Rhaid i'r dyddiad gynnwys diwrnod, mis a blwyddyn
up-err-time = Dewiswch yr adeg o'r dydd
up-err-often = Dewiswch pa mor aml rydych chi'n teimlo'n anniogel yno
up-err-details-long = Rhaid i unrhyw beth arall fod yn 500 nod neu lai
up-err-about-you = Dewiswch ie os ydych chi eisiau ateb cwestiynau amdanoch chi eich hun
up-err-age = Dewiswch eich oed, neu mae'n well gennych chi beidio â dweud
up-err-sex = Dewiswch eich rhyw, neu mae'n well gennych chi beidio â dweud
up-err-gender = Dewiswch ateb, neu mae'n well gennych chi beidio â dweud
up-err-ethnicity = Dewiswch eich grŵp ethnig, neu mae'n well gennych chi beidio â dweud
up-err-disability = Dewiswch ateb, neu mae'n well gennych chi beidio â dweud
up-err-not-reported = Dewiswch pam, neu mae'n well gennych chi beidio â dweud

## Map (gyda JavaScript)

up-where-map-heading = Dewis y lle ar fap
up-where-map-hint = Cliciwch neu tapiwch y map i roi pin lle roeddech chi'n teimlo'n anniogel, neu symudwch y pin. Gyda bysellfwrdd, symudwch y map gyda'r bysellau saeth a phwyswch Enter i roi'r pin yn y canol.
up-where-map-label = Map. Cliciwch, tapiwch neu pwyswch Enter i roi'r pin.
up-where-map-pin = Pin lle roeddech chi'n teimlo'n anniogel
up-where-map-zoom-in = Chwyddo i mewn
up-where-map-zoom-out = Chwyddo allan
up-where-locate = Defnyddio fy lleoliad presennol
up-where-locate-error = Doedd dim modd i ni ddod o hyd i'ch lleoliad. Dewiswch y lle ar y map neu chwiliwch amdano yn lle hynny.
up-where-map-placed = Pin wedi'i osod. Pwyswch Parhau i ddefnyddio'r lle hwn.
# Pin a roddwyd ar y map, wedi'i enwi ar ôl y lle agosaf rydyn ni'n ei adnabod (byth ei gyfesurynnau).
up-where-near = Ger { $place }
up-where-pin = Y lle a nodoch chi ar y map
