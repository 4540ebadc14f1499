# Tudalennau cyhoeddus eraill: datganiad hygyrchedd, hysbysiad preifatrwydd, beth sy'n digwydd
# ar ôl i chi roi gwybod, a beth rydyn ni'n ei wneud ag adroddiadau am fannau.
# Rhaid i siaradwr Cymraeg adolygu'r testun hwn cyn mynd yn fyw.
# Daw rhifau ffôn a chyfeiriadau gwe o domain::contacts fel termau: peidiwch byth â theipio rhif yma.

## Datganiad hygyrchedd

a11y-title = Datganiad hygyrchedd
a11y-intro = Mae'r datganiad hwn yn ymwneud â { $service }, gwasanaeth ar-lein gan { $force }. Mae'n cynnwys pob tudalen gyhoeddus o'r gwasanaeth.
a11y-using-heading = Defnyddio'r gwasanaeth hwn
a11y-using-intro = Rydyn ni eisiau i gymaint o bobl â phosibl allu defnyddio'r gwasanaeth hwn. Er enghraifft, dylech chi allu:
a11y-using-colours = newid lliwiau, lefelau cyferbyniad a ffontiau gan ddefnyddio gosodiadau eich porwr neu eich dyfais
a11y-using-zoom = chwyddo hyd at 400% heb i'r testun ddiflannu oddi ar y sgrin
a11y-using-keyboard = symud o amgylch y gwasanaeth cyfan gan ddefnyddio bysellfwrdd yn unig
a11y-using-speech = symud o amgylch y gwasanaeth gan ddefnyddio meddalwedd adnabod lleferydd
a11y-using-screen-reader = gwrando ar y gwasanaeth gan ddefnyddio darllenydd sgrin
a11y-using-no-js = defnyddio'r gwasanaeth gyda JavaScript wedi'i ddiffodd
a11y-using-plain = Rydyn ni hefyd wedi ceisio gwneud y testun mor syml ag y gallwn ni.
a11y-exit-heading = Gadael y wefan hon yn gyflym
a11y-exit-text = Gallwch chi adael y wefan hon yn gyflym gan ddefnyddio bysellfwrdd yn unig. Pwyswch Esc, neu pwyswch y fysell Shift 3 gwaith. Gallwch chi hefyd symud at y botwm Gadael y dudalen hon gyda'r fysell Tab a phwyso Enter. I bobl sy'n defnyddio darllenydd sgrin, dolen i adael y wefan hon yw'r ddolen gyntaf ar bob tudalen.
a11y-status-heading = Statws cydymffurfio
a11y-status-aim = Ein nod yw bodloni Canllawiau Hygyrchedd Cynnwys y We (WCAG) fersiwn 2.2 ar lefel AA.
a11y-status-partial = Mae'r gwasanaeth hwn yn cydymffurfio'n rhannol â WCAG 2.2 ar lefel AA, oherwydd y problemau a restrir isod.
a11y-known-heading = Problemau rydyn ni'n gwybod amdanynt
a11y-known-map = Mae angen JavaScript ar y map ar gyfer dewis lle, ac mae'n anodd ei ddefnyddio gyda darllenydd sgrin neu heb lygoden. Gallwch chi chwilio am y lle yn ôl ei enw neu ei god post, neu ei ddisgrifio mewn geiriau, yn lle hynny. Mae mapiau ar-lein wedi'u heithrio o'r rheoliadau hygyrchedd, ond rydyn ni eisiau i bob rhan o'r ffurflen weithio heb y map, ac mae'n gwneud hynny.
a11y-known-exit-keys = Dim ond gyda JavaScript mae'r bysellau Esc a Shift ar gyfer gadael yn gyflym yn gweithio. Hebddo, mae'r botwm Gadael y dudalen hon yn dal i weithio.
a11y-known-timeout = Er eich diogelwch, mae atebion sydd heb eu hanfon yn cael eu dileu ar ôl { $minutes } munud heb eu defnyddio. Heb JavaScript, allwn ni ddim eich rhybuddio cyn i hyn ddigwydd na gadael i chi ofyn am fwy o amser. Mae pob tudalen gwestiwn yn dweud am ba hyd rydyn ni'n cadw eich atebion.
a11y-known-audit = Dydyn ni ddim eto wedi cael arbenigwr hygyrchedd annibynnol i wirio'r gwasanaeth, felly efallai fod problemau nad ydyn ni wedi dod o hyd iddynt. Rydyn ni'n bwriadu cael archwiliad cyn i'r gwasanaeth gael ei ddefnyddio ar draws yr heddlu.
a11y-testing-heading = Sut gwnaethon ni brofi'r gwasanaeth hwn
a11y-testing = Rydyn ni'n profi pob tudalen gyhoeddus yn awtomatig mewn porwr go iawn gydag axe-core, gyda JavaScript a hebddo, ar sgriniau mor gul â 320 picsel. Rydyn ni hefyd yn gwirio tudalennau â llaw gyda bysellfwrdd. Mae'r profion hyn yn cael eu rhedeg bob tro mae'r gwasanaeth yn newid.
a11y-feedback-heading = Rhoi gwybod am broblemau hygyrchedd
a11y-feedback-html = Os byddwch chi'n cael problem wrth ddefnyddio'r gwasanaeth hwn, neu os ydych chi'n meddwl nad ydyn ni'n bodloni'r safon hygyrchedd, <a class="govuk-link" href="/feedback?from=%2Faccessibility">dywedwch wrthym drwy ddefnyddio ein ffurflen adborth</a>. Gallwch chi hefyd ddod o hyd i'r ddolen adborth yn y faner ar frig pob tudalen.
a11y-feedback-reply-html = Dydy'r ffurflen adborth ddim yn gofyn pwy ydych chi, felly allwn ni ddim ei hateb. Os oes angen ateb arnoch chi, neu os oes angen gwybodaeth arnoch chi mewn fformat gwahanol fel print bras, hawdd ei ddeall neu sain, ffoniwch { -tel-101 }, neu { -tel-18001-101 } os ydych chi'n defnyddio ffôn testun neu ap <span lang="en">Relay UK</span>.
a11y-enforcement-heading = Gweithdrefn orfodi
a11y-enforcement = Mae'r Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) yn sicrhau bod cyrff cyhoeddus yn dilyn y rheolau ar wefannau hygyrch.
a11y-enforcement-eass-html = Os ydych chi wedi dweud wrthym am broblem a dydych chi ddim yn fodlon â'n hateb, cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS): { -web-eass }.
a11y-technical-heading = Gwybodaeth dechnegol am hygyrchedd y gwasanaeth hwn
a11y-technical = Mae { $force } wedi ymrwymo i wneud y gwasanaeth hwn yn hygyrch, yn unol â Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018.
a11y-prepared = Cafodd y datganiad hwn ei baratoi ar 6 Rhagfyr 2026. Cafodd ei adolygu ddiwethaf ar 6 Rhagfyr 2026.

## Hysbysiad preifatrwydd

privacy-title = Hysbysiad preifatrwydd
privacy-lead = Mae'r hysbysiad hwn yn esbonio pa wybodaeth mae'r gwasanaeth hwn yn ei chasglu, pam rydyn ni'n ei chasglu, beth mae'r gyfraith yn ein galluogi i'w wneud â hi, am ba hyd rydyn ni'n ei chadw a beth yw eich hawliau.
privacy-who-heading = Pwy ydyn ni
privacy-who = { $force } sy'n rhedeg y gwasanaeth hwn. Y rheolydd data, sy'n penderfynu sut mae'r wybodaeth rydych chi'n ei rhoi i ni'n cael ei defnyddio, yw { $controller }.
privacy-dpo-heading = Ein Swyddog Diogelu Data
privacy-dpo-intro = Gallwch chi gysylltu â'n Swyddog Diogelu Data am unrhyw beth yn yr hysbysiad hwn, neu i ddefnyddio eich hawliau:
privacy-dpo-email-before = drwy e-bost:
privacy-dpo-post = drwy'r post: { $address }
privacy-dpo-phone-html = dros y ffôn: ffoniwch { -tel-101 } a gofynnwch am y tîm diogelu data
privacy-collect-heading = Beth rydyn ni'n ei gasglu, pam, a beth mae'r gyfraith yn ein galluogi i'w wneud
privacy-basis-label = Y gyfraith sy'n ein galluogi i'w defnyddio:
privacy-feedback-heading = Os byddwch chi'n rhoi adborth
privacy-feedback-what = Rydyn ni'n cadw eich atebion, y dudalen y daethoch chi ohoni a'r dyddiad y gwnaethoch chi eu hanfon. Dydyn ni ddim yn gofyn am eich enw. Peidiwch ag ysgrifennu manylion personol yn eich atebion: rydyn ni'n dileu unrhyw gyfeiriadau e-bost a rhifau ffôn ac yn storio'r hyn a ysgrifennoch chi wedi'i amgryptio.
privacy-feedback-basis = Erthygl 6(1)(e) GDPR y DU: mae ei hangen arnom i gyflawni tasg er budd y cyhoedd, sef rhedeg a gwella'r gwasanaeth cyhoeddus hwn.
privacy-place-heading = Os byddwch chi'n dweud wrthym am fan lle roeddech chi'n teimlo'n anniogel
privacy-place-anonymous = Mae'r ffurflen hon yn ddienw. Dydyn ni ddim yn gofyn am eich enw na'ch manylion cyswllt, a dydyn ni ddim yn storio eich cyfeiriad IP (y rhif sy'n dangos pa gysylltiad rhyngrwyd rydych chi'n ei ddefnyddio).
privacy-place-intro = Rydyn ni'n cadw:
privacy-place-where = ble mae'r lle
privacy-place-why = pam roeddech chi'n teimlo'n anniogel yno
privacy-place-when = pryd roeddech chi yno, a pha mor aml rydych chi'n teimlo'n anniogel yno
privacy-place-details = unrhyw beth arall rydych chi'n dewis ei ysgrifennu, ar ôl i ni ddileu unrhyw gyfeiriadau e-bost a rhifau ffôn (wedi'i storio wedi'i amgryptio)
privacy-place-about = atebion amdanoch chi, fel eich grŵp oedran, dim ond os byddwch chi'n dewis eu rhoi (wedi'u storio wedi'u hamgryptio)
privacy-place-basis = Erthygl 6(1)(e) GDPR y DU: mae ei hangen arnom i gyflawni tasg er budd y cyhoedd, sef cadw mannau cyhoeddus yn ddiogel ac atal troseddu.
privacy-place-about-basis = Ar gyfer eich grŵp ethnig ac a ydych chi'n anabl, sy'n wybodaeth categori arbennig, hefyd Erthygl 9(2)(g) GDPR y DU a pharagraff 8 o Atodlen 1 i Ddeddf Diogelu Data 2018 (cyfle cyfartal neu driniaeth gyfartal). Dim ond i wirio ein bod yn gwrando ar bawb yn gyfartal rydyn ni'n defnyddio'r atebion hyn.
privacy-place-use = Rydyn ni'n defnyddio'r adroddiadau hyn i ddod o hyd i fannau y mae angen eu gwneud yn fwy diogel. Dim ond cyfansymiau ar gyfer ardaloedd mae cynghorau a phartneriaid eraill rydyn ni'n gweithio gyda nhw yn eu gweld. Dydyn nhw byth yn gweld yr union le, yr hyn a ysgrifennoch chi na'ch atebion amdanoch chi.
privacy-place-more-html = Darllenwch fwy am <a class="govuk-link" href="/advice/place-reports">beth rydyn ni'n ei wneud ag adroddiadau am fannau</a>.
privacy-place-councils = Mae cynghorau'n cael ffrwd reolaidd o gyfansymiau er mwyn iddynt allu trwsio problemau fel goleuadau stryd sydd wedi torri. Dim ond y canlynol sydd yn y ffrwd:
privacy-place-councils-reasons = rhesymau am y lle ei hun y gall cyngor eu cywiro: goleuadau, teledu cylch cyfyng (CCTV), mannau gwag neu anghysbell, corneli cudd neu gynllun gwael, golygfa wedi'i rhwystro, ac adeiladau blêr, graffiti neu dipio anghyfreithlon
privacy-place-councils-area = faint o adroddiadau a gafwyd mewn ardal o tua 0.1 cilomedr sgwâr (tua 300 metr ar draws) mewn wythnos sy'n dechrau ar ddydd Llun, nid yr union le na'r diwrnod
privacy-place-councils-counts = dim ond ardaloedd gydag o leiaf { $k } adroddiad yn yr wythnos honno, a phob cyfanswm wedi'i dalgrynnu i fyny neu i lawr i luosrif o { $k }, fel na all unrhyw gyfanswm gael ei olrhain i adroddiad un person
privacy-place-councils-never = Dydy cynghorau byth yn cael yr hyn a ysgrifennoch chi, eich atebion amdanoch chi, yr union le, y diwrnod na'r amser, na rhesymau am sut roedd pobl yn ymddwyn, fel cael eich dilyn neu wynebu aflonyddu. Mae'r rheini'n aros gyda'r heddlu.
privacy-report-heading = Os byddwch chi'n rhoi gwybod am stelcian neu aflonyddu
privacy-report-what = Rydyn ni'n cadw'r hyn rydych chi'n dewis ei ddweud wrthym. Does dim rhaid i chi roi eich enw.
privacy-report-encrypted = Mae'r hyn rydych chi'n ei ysgrifennu yn eich geiriau eich hun, enwau a'ch manylion cyswllt yn cael eu storio wedi'u hamgryptio. Mae hyn yn golygu eu bod wedi'u sgramblo, felly all neb eu darllen heb yr allwedd gywir.
privacy-report-access = Dim ond staff yr heddlu sydd angen gweld eich adroddiad sy'n gallu ei weld. Rydyn ni'n cofnodi bob tro mae rhywun yn edrych arno neu'n ei newid.
privacy-report-use = Rydyn ni'n defnyddio eich adroddiad i ymchwilio i'r hyn sy'n digwydd, i'ch cadw chi ac eraill yn ddiogel ac i gysylltu â chi yn y ffordd a ddewisoch chi. Dim ond pan fydd y gyfraith yn caniatáu rydyn ni'n ei rannu, er enghraifft gyda Gwasanaeth Erlyn y Goron os bydd achos yn mynd i'r llys.
privacy-report-basis = Rhan 3 o Ddeddf Diogelu Data 2018 (prosesu at ddibenion gorfodi'r gyfraith): rydyn ni'n ei defnyddio i atal, ymchwilio i a chanfod troseddau ac i amddiffyn pobl. Os byddwch chi'n dweud wrthym am bethau fel eich iechyd neu eich bywyd rhywiol, dim ond pan fydd yn gwbl angenrheidiol at y dibenion hyn rydyn ni'n eu defnyddio.
privacy-report-priority = Mae cyfrifiadur yn awgrymu pa mor frys yw eich adroddiad o'ch atebion, fel bod adroddiadau am berygl difrifol yn cael eu darllen yn gyntaf. Mae person bob amser yn darllen eich adroddiad ac yn penderfynu beth i'w wneud. Does dim penderfyniad amdanoch chi'n cael ei wneud gan gyfrifiadur yn unig.
privacy-report-draft = Tra byddwch chi'n llenwi'r ffurflen, mae eich atebion yn cael eu cadw ar ein system, wedi'u hamgryptio. Os byddwch chi'n gadael gyda'r botwm Gadael y dudalen hon, neu'n stopio am { $minutes } munud, mae'r atebion sydd heb eu hanfon yn cael eu dileu.
privacy-cookies-heading = Cwcis
privacy-cookies-html = Rydyn ni'n defnyddio nifer bach o gwcis. Gallwch chi <a class="govuk-link" href="/cookies">ddarllen am ein cwcis a newid eich gosodiadau</a>.
privacy-cookies-counts = Os ydych chi'n cytuno, rydyn ni'n cyfrif sawl gwaith mae pob tudalen yn cael ei gweld bob dydd. Dydy'r cyfrifon hyn ddim yn dangos pwy ydych chi.
privacy-keep-heading = Am ba hyd rydyn ni'n cadw gwybodaeth
privacy-keep-intro = Mae'r gwasanaeth hwn yn dileu gwybodaeth ar ddiwedd y cyfnodau hyn:
privacy-keep-draft = atebion sydd heb eu hanfon: { $minutes } munud ar ôl i chi ddefnyddio'r ffurflen ddiwethaf
privacy-keep-report = adroddiadau am stelcian ac aflonyddu: { $days } diwrnod ar ôl i ni gau'r achos
privacy-keep-point = union fan adroddiad am le: { $days } diwrnod, ac ar ôl hynny dim ond yr ardal y mae ynddi rydyn ni'n ei chadw
privacy-keep-text = yr hyn a ysgrifennoch chi am le: { $days } diwrnod
privacy-keep-about = atebion amdanoch chi ar adroddiad am le: { $days } diwrnod
privacy-keep-feedback = adborth: { $days } diwrnod
privacy-keep-counts = Rydyn ni'n cadw'r rhesymau, yr wythnos a'r ardal ar gyfer adroddiad am le er mwyn cyfrif. Ar eu pen eu hunain, dydyn nhw ddim yn dangos pwy a'i hanfonodd.
privacy-keep-recorded = Pan fyddwn ni'n dileu gwybodaeth, rydyn ni'n cadw cofnod ei bod wedi cael ei dileu. Os daw eich adroddiad yn rhan o ymchwiliad gan yr heddlu, mae'r heddlu'n cadw'r cofnod hwnnw o dan ei reolau ei hun ar gyfer cofnodion yr heddlu.
privacy-rights-heading = Eich hawliau
privacy-rights-law = Mae Rheoliad Cyffredinol y DU ar Ddiogelu Data (GDPR y DU) a Deddf Diogelu Data 2018 yn rhoi hawliau i chi dros eich gwybodaeth. Mae gennych chi'r hawl:
privacy-rights-informed = i gael gwybod sut rydyn ni'n defnyddio eich gwybodaeth, sef yr hyn mae'r hysbysiad hwn yn ei wneud
privacy-rights-access = i ofyn am gopi o'r wybodaeth sydd gennym amdanoch chi
privacy-rights-correct = i ofyn i ni gywiro gwybodaeth sy'n anghywir neu'n anghyflawn
privacy-rights-delete = i ofyn i ni ddileu gwybodaeth, mewn rhai achosion
privacy-rights-restrict = i ofyn i ni gyfyngu ar sut rydyn ni'n ei defnyddio, mewn rhai achosion
privacy-rights-object = i wrthwynebu sut rydyn ni'n defnyddio gwybodaeth am adroddiad am le neu adborth
privacy-rights-limits = Pan fyddwn ni'n defnyddio gwybodaeth ar gyfer plismona, fel ymchwilio i drosedd, gall y gyfraith gyfyngu ar yr hawliau hyn. Er enghraifft, efallai na fyddwn ni'n rhannu rhywbeth os byddai'n niweidio ymchwiliad neu'n rhoi rhywun mewn perygl.
privacy-rights-anonymous = Does dim modd cysylltu adroddiadau dienw ac adroddiadau am fannau â chi, felly allwn ni ddim dod o hyd iddynt i'w dangos i chi.
privacy-rights-how = I ddefnyddio unrhyw un o'ch hawliau, cysylltwch â'n Swyddog Diogelu Data.
privacy-complain-html = Os ydych chi'n anfodlon â'r ffordd rydyn ni wedi defnyddio eich gwybodaeth, gallwch chi gwyno i Swyddfa'r Comisiynydd Gwybodaeth (ICO): { -web-ico }.
privacy-never-heading = Beth dydyn ni byth yn ei wneud
privacy-never-sell = Dydyn ni byth yn gwerthu eich gwybodaeth.
privacy-never-trackers = Dydyn ni ddim yn defnyddio hysbysebu na thracio gan gwmnïau eraill, a dydy ein tudalennau ddim yn llwytho dim byd o wefannau eraill.

## Beth sy'n digwydd ar ôl i chi roi gwybod

after-title = Beth sy'n digwydd ar ôl i chi roi gwybod
after-lead = Pan fyddwch chi'n anfon adroddiad atom ar-lein, dyma beth sy'n digwydd nesaf.
after-read-heading = Rydyn ni'n darllen eich adroddiad
after-read = Mae swyddog heddlu neu aelod o staff yn darllen pob adroddiad. Mae adroddiadau sy'n awgrymu bod rhywun mewn perygl o niwed yn cael eu darllen yn gyntaf.
after-emergency-html = Dydyn ni ddim yn gwylio adroddiadau ar-lein drwy'r amser. Os ydych chi mewn perygl nawr, ffoniwch { -tel-999 }.
after-contact-heading = Os rhoesoch chi fanylion cyswllt
after-contact = Byddwn ni ond yn cysylltu â chi yn y ffordd a ddewisoch chi ac ar yr adegau y dywedoch chi eu bod yn ddiogel. Fyddwn ni ddim yn gadael neges oni bai eich bod wedi dweud y gallen ni.
after-contact-reference = Os byddwn ni'n eich ffonio, byddwn ni'n rhoi eich cyfeirnod i chi, fel eich bod yn gwybod mai ni sydd yno.
after-anonymous-heading = Os na roesoch chi eich enw
after-anonymous = Allwn ni ddim dweud wrthych chi beth sy'n digwydd nesaf, ond rydyn ni'n dal i ddefnyddio'r hyn a ddywedoch chi wrthym. Gall ein helpu i'ch amddiffyn chi ac eraill, ac i sylwi ar rywun sy'n gwneud hyn i fwy nag un person.
after-next-heading = Beth allen ni ei wneud
after-next-intro = Mae'r hyn rydyn ni'n ei wneud yn dibynnu ar yr hyn sy'n digwydd. Efallai y byddwn ni'n:
after-next-advice = rhoi cyngor i chi ar gadw'n ddiogel
after-next-investigate = ymchwilio, sy'n gallu golygu siarad â thystion, casglu tystiolaeth a siarad â'r person sy'n ei wneud
after-next-orders-html = gofyn i lys am orchymyn i'ch amddiffyn (darllenwch am <a class="govuk-link" href="/advice/protective-orders">orchmynion a all eich amddiffyn</a>)
after-next-support = eich rhoi mewn cysylltiad â sefydliadau sy'n gallu eich cefnogi
after-next-charge = rhoi'r dystiolaeth i Wasanaeth Erlyn y Goron, sy'n penderfynu a ddylai'r person gael ei gyhuddo
after-add-heading = Os bydd rhywbeth arall yn digwydd
after-add-html = I ychwanegu rhywbeth at eich adroddiad, ffoniwch { -tel-101 } a rhowch eich cyfeirnod. Os bydd yn gwaethygu, neu os ydych chi'n teimlo mewn perygl, ffoniwch { -tel-999 }.
after-record-html = Daliwch ati i ysgrifennu beth sy'n digwydd a chadwch unrhyw dystiolaeth. Darllenwch <a class="govuk-link" href="/advice/what-you-can-do">beth gallwch chi ei wneud</a>.
after-support-html = Does dim rhaid i chi aros amdanom ni i gael cymorth. Darllenwch am <a class="govuk-link" href="/advice/support">sefydliadau sy'n gallu helpu</a>.

## Beth rydyn ni'n ei wneud ag adroddiadau am fannau

place-info-title = Beth rydyn ni'n ei wneud ag adroddiadau am fannau
place-info-lead = Pan fyddwch chi'n dweud wrthym am fan lle roeddech chi'n teimlo'n anniogel, rydych chi'n ein helpu ni a'r cyngor i weld pa fannau sydd angen newid.
place-info-read-heading = Sut rydyn ni'n eu defnyddio
place-info-read = Rydyn ni'n rhoi adroddiadau at ei gilydd ar fap o ardaloedd bach, i ddod o hyd i fannau lle mae llawer o bobl yn teimlo'n anniogel. Rydyn ni'n chwilio am glystyrau go iawn, nid dim ond strydoedd prysur lle mae mwy o bobl yn mynd heibio.
place-info-police = Mae timau plismona lleol yn defnyddio hyn i benderfynu ble i batrolio a beth i gadw llygad amdano.
place-info-council-heading = Beth mae cynghorau'n ei gael
place-info-council = Mae cynghorau a phartneriaid eraill yn gweld faint o bobl oedd yn teimlo'n anniogel ym mhob ardal, a pham, er mwyn iddynt allu trwsio pethau fel goleuadau stryd sydd wedi torri, gwrychoedd sydd wedi gordyfu neu dipio anghyfreithlon. Dim ond cyfansymiau ar gyfer ardal o tua 300 metr ar draws maen nhw'n eu gweld, am wythnos, a dim ond pan fydd o leiaf { $k } adroddiad yn eu rhannu.
place-info-never = Does neb y tu allan i'r heddlu yn gweld yr hyn a ysgrifennoch chi, eich atebion amdanoch chi, na'r union fan. Mae rhesymau am sut roedd pobl yn ymddwyn, fel cael eich dilyn, yn aros gyda'r heddlu.
place-info-no-reply-heading = Fyddwn ni ddim yn cysylltu â chi
place-info-no-reply = Mae adroddiadau am fannau yn ddienw, felly allwn ni ddim eich ateb na dweud wrthych chi beth sydd wedi newid. Dydyn ni ddim yn ymchwilio i un adroddiad am le fel trosedd.
place-info-crime-html = Os digwyddodd trosedd i chi, rhowch wybod amdani: ffoniwch { -tel-101 }, neu { -tel-999 } os ydych chi mewn perygl nawr. Ar gyfer stelcian neu aflonyddu, gallwch chi hefyd <a class="govuk-link" href="/report-stalking">roi gwybod amdano ar-lein</a>.
place-info-privacy-html = Mae ein <a class="govuk-link" href="/privacy">hysbysiad preifatrwydd</a> yn dweud yn union beth rydyn ni'n ei gadw ac am ba hyd.
place-info-start = Dweud wrthym am le
place-info-read-more = Darllen beth rydyn ni'n ei wneud ag adroddiadau am fannau

after-read-more = Darllen beth sy'n digwydd ar ôl i chi roi gwybod
