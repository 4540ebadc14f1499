# Tudalennau cyngor: stelcian, aflonyddu a chadw'n ddiogel ar-lein.
# Mae negeseuon y mae eu henwau'n gorffen gyda -html yn cynnwys marcio dibynadwy.
# Mae enwau sefydliadau sy'n aros yn Saesneg mewn <span lang="en"> er mwyn i ddarllenwyr sgrin
# eu ynganu'n gywir. Rhaid i siaradwr Cymraeg adolygu'r testun hwn cyn mynd yn fyw.

## Rhannu gan sawl tudalen gyngor

help-emergency-html = Os ydych chi mewn perygl nawr, ffoniwch { -tel-999 }.
help-emergency-textphone-html = Os ydych chi'n fyddar, yn drwm eich clyw neu'n ei chael hi'n anodd siarad, gallwch chi gysylltu â'r gwasanaethau brys drwy gyfnewid testun: ffoniwch { -tel-18000 } o ffôn testun neu gydag ap <span lang="en">Relay UK</span> ({ -web-relay-uk }).
help-emergency-bsl-html = Os ydych chi'n defnyddio Iaith Arwyddion Prydain (BSL), mae <span lang="en">999 BSL</span> yn eich cysylltu â'r gwasanaethau brys gyda chyfieithydd fideo, drwy ei ap neu ei wefan ({ -web-999bsl }). Does ganddo ddim rhif ffôn.
help-emergency-sms-html = Os ydych chi'n fyddar neu'n methu siarad ar y ffôn, gallwch chi gofrestru eich ffôn symudol ar gyfer y gwasanaeth SMS brys, er mwyn i chi allu anfon neges destun at y gwasanaethau brys pan fydd angen help arnoch chi. Cofrestrwch cyn bod ei angen arnoch chi: anfonwch y gair <span lang="en">register</span> mewn neges destun i { -sms-999 } a dilynwch yr ateb. Cewch ragor o wybodaeth yn { -web-emergency-sms }.
help-emergency-silent-html = Os byddwch chi'n ffonio { -tel-999 } ac yn methu siarad, arhoswch ar y llinell a gwrandewch ar y cwestiynau. Os gallwch chi, pesychwch neu tapiwch y ffôn. Ar ffôn symudol, pwyswch { -tel-55 } pan ofynnir i chi: mae hyn yn dweud wrth y sawl sy'n ateb yr alwad fod angen yr heddlu arnoch chi. Yr enw ar hyn yw'r Ateb Tawel (<span lang="en">Silent Solution</span>), a dim ond o ffôn symudol mae'n gweithio.
help-emergency-landline = Ar linell dir does dim rhif i'w bwyso. Arhoswch ar y llinell. Os nad yw'r gweithredwr yn clywed dim byd ond sŵn cefndir, efallai y bydd eich galwad yn cael ei throsglwyddo i'r heddlu. Os gallwch chi, gwnewch sŵn, pesychwch neu tapiwch y ffôn.
help-crimestoppers-html = I ddweud wrth rywun beth sy'n digwydd heb roi eich enw, ffoniwch <span lang="en">Crimestoppers</span> ar { -tel-crimestoppers } neu defnyddiwch eu gwefan ({ -web-crimestoppers }). Elusen yw <span lang="en">Crimestoppers</span> ac nid yw'n rhan o'r heddlu. Fyddan nhw ddim yn gofyn pwy ydych chi.
help-stalking-helpline-html = Mae'r Llinell Gymorth Genedlaethol ar Stelcian (<span lang="en">National Stalking Helpline</span>) yn rhoi cyngor am ddim sy'n cael ei gadw'n breifat. Ffoniwch { -tel-stalking-helpline }. Mae'n cael ei rhedeg gan <span lang="en">Suzy Lamplugh Trust</span>: gwiriwch ei horiau agor ar ei gwefan ({ -web-stalking-helpline }).
advice-related-heading = Cyngor cysylltiedig
advice-not-your-fault-heading = Nid eich bai chi yw hyn
advice-report-online-link = Rhoi gwybod am stelcian neu aflonyddu ar-lein

## Stelcian ac aflonyddu (mynegai'r cyngor)

advice-index-title = Stelcian ac aflonyddu
advice-index-lead = Stelcian ac aflonyddu yw pan fydd rhywun yn dal ati i wneud pethau sy'n gwneud i chi deimlo'n ofnus, yn ofidus neu dan fygythiad. Gall unrhyw un gael ei stelcian neu wynebu aflonyddu. Mae'r ddau yn droseddau.
advice-index-covers = Mae'r adran hon yn esbonio beth yw stelcian ac aflonyddu, beth mae'r gyfraith yn ei ddweud, beth gallwch chi ei wneud a ble i gael help.
advice-index-emergency-heading = Os ydych chi mewn perygl
advice-index-pages-heading = Cyngor
advice-index-harassment-text = Beth yw aflonyddu, pwy allai ei wneud a sut i roi gwybod amdano.
advice-index-sexual-text = Beth yw aflonyddu rhywiol, beth mae'r gyfraith yn ei ddweud a ble i gael help.
advice-index-stalking-text = Beth yw stelcian a sut i'w adnabod gan ddefnyddio'r gair FOUR.
advice-index-online-text = Stelcian ac aflonyddu ar gyfryngau cymdeithasol, mewn gemau ac mewn apiau, a sut i amddiffyn eich hun.
advice-index-what-text = Sut i gadw cofnod, cadw tystiolaeth, rhoi gwybod a chael cymorth.
advice-index-tracks-text = Sut i'w gwneud hi'n anoddach i rywun weld eich bod wedi defnyddio'r wefan hon.
advice-index-tell-us-heading = Dweud wrthym
advice-index-report-text = Dywedwch wrthym beth sy'n digwydd i chi neu i rywun rydych chi'n ei adnabod. Does dim rhaid i chi roi eich enw.
advice-index-unsafe-link = Dweud wrthym am fan lle roeddech chi'n teimlo'n anniogel
advice-index-unsafe-text = Dangoswch fan cyhoeddus i ni lle rydych chi wedi teimlo'n anniogel, fel llwybr tywyll neu faes parcio gwag. Dydych chi ddim yn rhoi eich enw.

## Aflonyddu

advice-harassment-title = Aflonyddu
advice-harassment-lead = Aflonyddu yw pan fydd rhywun yn ymddwyn tuag atoch chi mewn ffordd nad ydych chi ei heisiau, fwy nag unwaith, ac mae'n gwneud i chi deimlo'n ofnus, yn ofidus neu mewn trallod.
advice-harassment-who-heading = Pwy allai aflonyddu arnoch chi
advice-harassment-who-intro = Gall unrhyw un aflonyddu arnoch chi. Gallai fod yn:
advice-harassment-who-neighbour = gymydog
advice-harassment-who-local = bobl sy'n byw yn agos atoch chi neu'n treulio amser yn eich ardal
advice-harassment-who-known = rhywun rydych chi'n ei adnabod, fel aelod o'r teulu, ffrind neu rywun rydych chi'n gweithio neu'n astudio gydag ef
advice-harassment-who-stranger = rhywun nad ydych chi erioed wedi cwrdd ag ef
advice-harassment-examples-heading = Sut gall aflonyddu edrych
advice-harassment-examples-intro = Gall aflonyddu gynnwys:
advice-harassment-ex-contact = galwadau ffôn, negeseuon, negeseuon e-bost neu lythyrau nad ydych chi eu heisiau
advice-harassment-ex-abuse = gweiddi arnoch chi, eich galw'n enwau neu eich sarhau, wyneb yn wyneb neu ar-lein
advice-harassment-ex-threats = bygythiadau i'ch brifo chi, eich teulu, eich anifeiliaid anwes neu eich pethau
advice-harassment-ex-turning-up = dod i'ch cartref, eich gwaith, eich ysgol neu leoedd eraill rydych chi'n mynd iddynt
advice-harassment-ex-damage = difrodi eich cartref, eich car neu bethau eraill sy'n eiddo i chi
advice-harassment-ex-lies = lledaenu celwyddau neu sïon amdanoch chi
advice-harassment-ex-posting = postio pethau amdanoch chi ar-lein i godi cywilydd arnoch chi neu eich gofidio
advice-harassment-ex-others = cael pobl eraill i wneud unrhyw un o'r pethau hyn i chi
advice-harassment-more-than-once = Mae'n cyfrif fel aflonyddu pan fydd wedi digwydd o leiaf ddwywaith. Does dim rhaid iddo fod yr un peth bob tro.
advice-harassment-law-heading = Beth mae'r gyfraith yn ei ddweud
advice-harassment-law-offence = Mae aflonyddu yn drosedd o dan Ddeddf Amddiffyn rhag Aflonyddu 1997.
advice-harassment-law-violence = Mae'n drosedd fwy difrifol os yw'n gwneud i chi ofni, o leiaf ddwywaith, y bydd rhywun yn defnyddio trais yn eich erbyn.
advice-harassment-law-hate = Os bydd rhywun yn aflonyddu arnoch chi oherwydd eich hil, eich crefydd, eich anabledd neu eich cyfeiriadedd rhywiol, neu oherwydd eich bod yn drawsryweddol, gall hefyd fod yn drosedd casineb.
advice-harassment-fault = Nid chi achosodd hyn a does dim rhaid i chi ei oddef. Pwy bynnag yw'r person, a beth bynnag sydd wedi digwydd rhyngoch chi o'r blaen, nhw sy'n gyfrifol am yr hyn maen nhw'n ei wneud.
advice-harassment-report-heading = Sut i roi gwybod am aflonyddu
advice-harassment-report-html = Gallwch chi ddweud wrthym ar-lein, dros y ffôn neu mewn gorsaf heddlu. Darllenwch <a class="govuk-link" href="/advice/what-you-can-do">beth gallwch chi ei wneud os ydych chi'n cael eich stelcian neu'n wynebu aflonyddu</a> i ddod o hyd i'r ffordd sy'n addas i chi.
advice-harassment-report-anon-html = Os nad ydych chi'n barod i siarad â'r heddlu, gallwch chi ddweud wrth <span lang="en">Crimestoppers</span> yn lle hynny. Ffoniwch { -tel-crimestoppers }. Does dim rhaid i chi roi eich enw.

## Aflonyddu rhywiol

advice-sexual-title = Aflonyddu rhywiol
advice-sexual-lead = Aflonyddu rhywiol yw ymddygiad digroeso o natur rywiol. Gall ddigwydd yn unrhyw le: ar y stryd, ar fysiau a threnau, yn y gwaith, yn yr ysgol, y coleg neu'r brifysgol, neu ar-lein.
advice-sexual-law-heading = Beth mae'r gyfraith yn ei ddweud
advice-sexual-law-equality = Mae Deddf Cydraddoldeb 2010 yn gwneud aflonyddu rhywiol yn anghyfreithlon yn y gwaith, ym myd addysg, fel yn yr ysgol, y coleg neu'r brifysgol, a phan fydd rhywun yn darparu gwasanaeth i chi, fel siop, banc, landlord, ysbyty neu gyngor. Mae adran 26 o'r Ddeddf yn dweud beth yw aflonyddu.
advice-sexual-law-test-intro = O dan adran 26, mae'n aflonyddu rhywiol pan fydd rhywun yn gwneud rhywbeth o natur rywiol nad oeddech chi ei eisiau, a'i fod wedi'i fwriadu i wneud y canlynol, neu wedi gwneud hynny:
advice-sexual-law-test-dignity = tramgwyddo eich urddas, neu
advice-sexual-law-test-environment = creu amgylchedd bygythiol, gelyniaethus, diraddiol, bychanol neu dramgwyddus i chi
advice-sexual-law-reasonable = I benderfynu a gafodd yr effaith honno, mae llys neu dribiwnlys yn ystyried sut roeddech chi'n ei weld, popeth arall oedd yn digwydd, ac a yw'n rhesymol i'r ymddygiad gael yr effaith honno.
advice-sexual-law-less-favourable = Mae hefyd yn aflonyddu os bydd rhywun yn eich trin yn llai ffafriol oherwydd eich bod wedi gwrthod y math hwnnw o ymddygiad neu wedi cytuno iddo. Er enghraifft, rydych chi'n colli sifftiau, dyrchafiad neu farc da oherwydd eich bod wedi dweud na wrth reolwr neu athro.
advice-sexual-law-intent = Gall fod yn aflonyddu rhywiol hyd yn oed os yw'r person yn dweud mai jôc oedd e neu nad oedden nhw'n bwriadu eich gofidio.
advice-sexual-law-where = Os yw'n digwydd yn y gwaith, gallwch chi hefyd ddweud wrth eich cyflogwr.
advice-sexual-street-heading = Ar y stryd ac mewn mannau cyhoeddus eraill
advice-sexual-law-not-street = Dydy'r Ddeddf Cydraddoldeb ddim yn cynnwys dieithryn yn aflonyddu arnoch chi ar y stryd, ar fws neu mewn parc. Mater i'r gyfraith droseddol yw hynny.
advice-sexual-law-street = Mae llawer o fathau o aflonyddu ar y stryd yn droseddau. Er enghraifft, gall defnyddio geiriau neu ymddygiad bygythiol neu ymosodol i godi ofn neu achosi trallod i rywun fod yn drosedd o dan Ddeddf Trefn Gyhoeddus 1986. Ers Deddf Amddiffyn rhag Aflonyddu ar sail Rhyw yn Gyhoeddus 2023, mae gwneud hyn yn fwriadol oherwydd rhyw rhywun yn drosedd fwy difrifol.
advice-sexual-examples-heading = Sut gall aflonyddu rhywiol edrych
advice-sexual-examples-intro = Gall aflonyddu rhywiol gynnwys:
advice-sexual-ex-comments = sylwadau am eich corff, sut rydych chi'n edrych neu beth rydych chi'n ei wisgo
advice-sexual-ex-jokes = jôcs neu sylwadau rhywiol
advice-sexual-ex-whistling = chwibanu, galw ar ôl rhywun neu wneud synau rhywiol
advice-sexual-ex-staring = syllu neu lygadu arnoch chi
advice-sexual-ex-touching = eich cyffwrdd, eich cofleidio neu eich cusanu pan nad ydych chi eisiau hynny
advice-sexual-ex-images = anfon negeseuon, lluniau neu fideos rhywiol atoch chi
advice-sexual-ex-showing = dangos lluniau neu fideos rhywiol i chi
advice-sexual-ex-requests = gofyn i chi am ryw neu ffafrau rhywiol
advice-sexual-ex-questions = gofyn cwestiynau am eich bywyd rhywiol
advice-sexual-ex-rumours = lledaenu sïon rhywiol amdanoch chi
advice-sexual-crime-heading = Pan fydd hefyd yn drosedd
advice-sexual-crime-intro = Mae rhywfaint o aflonyddu rhywiol hefyd yn drosedd, a gall yr heddlu weithredu. Er enghraifft:
advice-sexual-crime-touching = mae eich cyffwrdd mewn ffordd rywiol heb eich cydsyniad yn ymosodiad rhywiol
advice-sexual-crime-exposure = gall rhywun sy'n dangos ei organau cenhedlu i chi'n fwriadol fod yn drosedd, wyneb yn wyneb neu mewn llun mae'n ei anfon atoch chi
advice-sexual-crime-photos = mae tynnu lluniau neu fideos o dan eich dillad heb eich cydsyniad yn drosedd
advice-sexual-crime-following = gall eich dilyn, neu wneud rhywbeth i chi dro ar ôl tro, fod yn aflonyddu neu'n stelcian
advice-sexual-fault = Nid rhywbeth a wnaethoch chi achosodd hyn. Does dim gwahaniaeth beth roeddech chi'n ei wisgo, ble roeddech chi, a oeddech chi wedi bod yn yfed neu a ydych chi'n adnabod y person. Does dim rhaid i chi ei oddef.
advice-sexual-help-heading = Ble i gael help
advice-sexual-help-police-html = Gallwch chi <a class="govuk-link" href="/report-stalking">roi gwybod i ni amdano</a> neu ffonio { -tel-101 }. Os ydych chi mewn perygl nawr, ffoniwch { -tel-999 }.
advice-sexual-help-crimestoppers-html = I ddweud wrth rywun heb roi eich enw, ffoniwch <span lang="en">Crimestoppers</span> ar { -tel-crimestoppers }.
advice-sexual-help-work-html = Os yw'n digwydd yn y gwaith, mae Acas yn rhoi cyngor am ddim am broblemau yn y gwaith: { -web-acas }.
advice-sexual-help-eass-html = Mae'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS) yn rhoi cyngor am ddim am wahaniaethu: { -web-eass }.
advice-sexual-help-rape-crisis-html = Os ydych chi wedi dioddef ymosodiad rhywiol, gall <span lang="en">Rape Crisis</span> eich cefnogi, p'un a ydych chi'n dweud wrth yr heddlu neu beidio: { -web-rape-crisis }.

## Stelcian

advice-stalking-title = Stelcian
advice-stalking-lead = Mae stelcian yn debyg i aflonyddu, ond mae'n fwy dwys. Mae'r person yn mynd ag obsesiwn â chi ac ni fydd yn gadael llonydd i chi. Mae'n digwydd fwy nag unwaith.
advice-stalking-who-heading = Pwy allai eich stelcian
advice-stalking-who-intro = Gallai fod yn:
advice-stalking-who-ex = rhywun roeddech chi mewn perthynas ag ef yn y gorffennol
advice-stalking-who-friend = rhywun a oedd yn arfer bod yn ffrind i chi
advice-stalking-who-known = rhywun rydych chi'n ei adnabod o'r gwaith, yr ysgol neu eich ardal
advice-stalking-who-stranger = rhywun nad ydych chi erioed wedi cwrdd ag ef
advice-stalking-who-fault = Os ydych chi'n adnabod y person, neu'n arfer ei adnabod, stelcian yw e o hyd. Mae'n dal yn drosedd, ac nid eich bai chi yw e.
advice-stalking-examples-heading = Sut gall stelcian edrych
advice-stalking-examples-intro = Gall stelcian gynnwys:
advice-stalking-ex-following = eich dilyn
advice-stalking-ex-watching = eich gwylio, neu ysbïo arnoch chi
advice-stalking-ex-loitering = aros neu loetran yn agos at eich cartref, eich gwaith neu leoedd rydych chi'n mynd iddynt
advice-stalking-ex-gifts = anfon anrhegion, blodau neu bethau eraill atoch chi na wnaethoch chi ofyn amdanynt
advice-stalking-ex-contact = eich ffonio, anfon negeseuon atoch chi neu anfon negeseuon e-bost atoch chi dro ar ôl tro
advice-stalking-ex-tracking = tracio ble rydych chi gyda dyfais gudd neu ap
advice-stalking-ex-friends = cysylltu â'ch ffrindiau, eich teulu neu bobl rydych chi'n gweithio gyda nhw
advice-stalking-ex-threats = eich bygwth chi neu'r bobl sy'n agos atoch chi
advice-stalking-ex-damage = difrodi eich cartref, eich car neu bethau eraill sy'n eiddo i chi
advice-stalking-more-than-once = Mae'n cyfrif fel stelcian pan fydd wedi digwydd fwy nag unwaith.
advice-stalking-four-heading = Ai stelcian yw e? Meddyliwch am FOUR
advice-stalking-four-intro = Mae FOUR yn ffordd o'ch helpu i adnabod stelcian. Nid yw'n brawf cyfreithiol, a dydy'r gyfraith ddim yn ei ddefnyddio. Mae'r llythrennau'n dod o'r geiriau Saesneg isod.
advice-stalking-four-f-html = <strong lang="en">Fixated</strong> (wedi ymlynu): all y person ddim stopio meddwl amdanoch chi
advice-stalking-four-o-html = <strong lang="en">Obsessive</strong> (obsesiynol): mae ei sylw arnoch chi'n mynd ymhell y tu hwnt i'r hyn sy'n arferol
advice-stalking-four-u-html = <strong lang="en">Unwanted</strong> (digroeso): dydych chi ddim eisiau hyn, ac efallai eich bod wedi dweud wrtho am stopio
advice-stalking-four-r-html = <strong lang="en">Repeated</strong> (dro ar ôl tro): mae'n dal i ddigwydd, dro ar ôl tro
advice-stalking-four-result = Os yw'r ymddygiad wedi ymlynu, yn obsesiynol, yn ddigroeso ac yn digwydd dro ar ôl tro, efallai mai stelcian yw e.
advice-stalking-four-unsure = Os nad ydych chi'n siŵr, gallwch chi ddweud wrthym o hyd neu ffonio'r Llinell Gymorth Genedlaethol ar Stelcian. Does dim rhaid i chi fod yn sicr.
advice-stalking-law-heading = Beth mae'r gyfraith yn ei ddweud
advice-stalking-law-offence = Mae stelcian yn drosedd o dan Ddeddf Amddiffyn rhag Aflonyddu 1997.
advice-stalking-law-2012 = Yn 2012 cafodd dwy drosedd stelcian eu hychwanegu at y Ddeddf hon, yn adrannau 2A a 4A.
advice-stalking-law-4a-intro = Adran 4A yw'r drosedd fwy difrifol. Stelcian ydyw sydd naill ai:
advice-stalking-law-4a-fear = yn gwneud i chi ofni, ar o leiaf ddau achlysur, y bydd trais yn cael ei ddefnyddio yn eich erbyn, neu
advice-stalking-law-4a-distress = yn achosi braw neu drallod difrifol i chi sy'n cael effaith andwyol sylweddol ar eich gweithgareddau arferol o ddydd i ddydd, er enghraifft os byddwch chi'n newid sut rydych chi'n mynd i'r gwaith, yn stopio mynd allan neu'n symud tŷ
advice-stalking-law-order-html = Gall llys hefyd wneud gorchymyn i'ch amddiffyn, fel Gorchymyn Amddiffyn rhag Stelcian. Darllenwch am <a class="govuk-link" href="/advice/protective-orders">orchmynion a all eich amddiffyn</a>.
advice-stalking-help-heading = Beth gallwch chi ei wneud
advice-stalking-help-report-html = Gallwch chi <a class="govuk-link" href="/report-stalking">roi gwybod i ni am stelcian ar-lein</a>, ffonio { -tel-101 } neu fynd i orsaf heddlu. Os ydych chi mewn perygl nawr, ffoniwch { -tel-999 }.
advice-stalking-help-what-html = Darllenwch <a class="govuk-link" href="/advice/what-you-can-do">beth gallwch chi ei wneud os ydych chi'n cael eich stelcian neu'n wynebu aflonyddu</a>, gan gynnwys sut i gadw cofnod o'r hyn sy'n digwydd.

## Stelcian ac aflonyddu ar-lein

advice-online-title = Stelcian ac aflonyddu ar-lein
advice-online-lead = Gall stelcian ac aflonyddu ddigwydd ar-lein yn ogystal ag wyneb yn wyneb. Mae'r un mor ddifrifol, a gall fod yn drosedd.
advice-online-where = Gall ddigwydd ar gyfryngau cymdeithasol, mewn ystafelloedd sgwrsio, ar wefannau gemau, ar fforymau, mewn apiau negeseuon a thrwy e-bost.
advice-online-examples-heading = Sut gall edrych
advice-online-examples-intro = Gall stelcian ac aflonyddu ar-lein gynnwys:
advice-online-ex-messages = anfon negeseuon bygythiol, ymosodol neu ddigroeso atoch chi
advice-online-ex-fake = creu proffiliau ffug i gysylltu â chi neu i wylio beth rydych chi'n ei wneud
advice-online-ex-private = postio eich gwybodaeth breifat, fel eich cyfeiriad neu eich rhif ffôn
advice-online-ex-images = rhannu lluniau neu fideos preifat neu bersonol iawn ohonoch chi, neu fygwth gwneud hynny
advice-online-intimate-html = Os oes rhywun wedi rhannu, neu'n bygwth rhannu, delweddau personol iawn ohonoch chi, gall y <span lang="en">Revenge Porn Helpline</span> helpu i'w tynnu i lawr: { -web-revenge-porn-helpline }.
advice-online-ex-impersonation = esgus bod yn chi ar-lein
advice-online-ex-hacking = mynd i mewn i'ch cyfrifon e-bost, cyfryngau cymdeithasol neu gyfrifon eraill heb ofyn
advice-online-ex-location = tracio ble rydych chi drwy apiau, cyfrifon a rennir neu rannu lleoliad
advice-online-ex-posting = postio pethau amdanoch chi i godi cywilydd arnoch chi, neu gael eraill i ymuno
advice-online-steps-heading = Beth gallwch chi ei wneud
advice-online-evidence-heading = Cadw tystiolaeth
advice-online-evidence-screenshots = tynnwch sgrinluniau o negeseuon, postiadau a phroffiliau, a gwnewch yn siŵr bod y dyddiad a'r amser i'w gweld
advice-online-evidence-username = ysgrifennwch enw defnyddiwr y person a chyfeiriad gwe ei broffil
advice-online-evidence-keep = peidiwch â dileu negeseuon, postiadau na negeseuon e-bost, hyd yn oed os ydyn nhw'n eich gofidio
advice-online-evidence-safe = cadwch gopi rywle diogel na all y person ei gyrraedd
advice-online-platform-heading = Rhoi gwybod i'r wefan neu'r ap
advice-online-platform-report = Mae'r rhan fwyaf o wefannau ac apiau yn gadael i chi roi gwybod am neges, postiad neu gyfrif. Cadwch eich tystiolaeth yn gyntaf, oherwydd efallai y bydd y postiad neu'r cyfrif yn cael ei dynnu i lawr.
advice-online-platform-block = Gallwch chi rwystro'r person. Gall rhwystro atal negeseuon newydd rhag eich cyrraedd, felly cadwch yr hyn sydd gennych chi eisoes cyn i chi wneud hynny.
advice-online-privacy-heading = Gwirio eich gosodiadau preifatrwydd
advice-online-privacy-posts = dewiswch pwy sy'n gallu gweld eich postiadau, eich lluniau a'ch rhestr ffrindiau
advice-online-privacy-location = diffoddwch rannu lleoliad mewn apiau, a gwiriwch a all unrhyw un weld ble rydych chi
advice-online-privacy-tags = gwiriwch pwy sy'n gallu eich tagio mewn postiadau a lluniau
advice-online-privacy-followers = edrychwch ar bwy sy'n eich dilyn neu sydd ar eich rhestr ffrindiau, a thynnwch unrhyw un nad ydych chi'n ei adnabod
advice-online-accounts-heading = Cadw eich cyfrifon yn ddiogel
advice-online-accounts-device = newidiwch eich cyfrineiriau gan ddefnyddio ffôn neu gyfrifiadur nad yw'r person erioed wedi'i ddefnyddio
advice-online-accounts-unique = defnyddiwch gyfrinair gwahanol ar gyfer pob cyfrif
advice-online-accounts-2sv = trowch ddilysu dau gam ymlaen, fel bod angen cod yn ogystal â'ch cyfrinair
advice-online-accounts-devices = gwiriwch pa ddyfeisiau sydd wedi mewngofnodi i'ch cyfrifon, ac allgofnodwch unrhyw rai nad ydych chi'n eu hadnabod
advice-online-accounts-questions = newidiwch gwestiynau diogelwch os gallai'r person wybod yr atebion
advice-online-report-heading = Rhoi gwybod i ni
advice-online-report-html = Mae stelcian ac aflonyddu ar-lein yn droseddau. Gallwch chi <a class="govuk-link" href="/report-stalking">roi gwybod i ni ar-lein</a> neu ffonio { -tel-101 }. Cadwch eich sgrinluniau a'ch nodiadau, oherwydd maen nhw'n ein helpu.

## Beth gallwch chi ei wneud

advice-what-title = Beth gallwch chi ei wneud os ydych chi'n cael eich stelcian neu'n wynebu aflonyddu
advice-what-lead = Nid eich bai chi yw hyn, a does dim rhaid i chi ddelio ag ef ar eich pen eich hun. Gall y camau hyn helpu i'ch cadw'n ddiogel a helpu'r heddlu i weithredu.
advice-what-danger-heading = Os ydych chi mewn perygl nawr
advice-what-record-heading = Cadw cofnod
advice-what-record-intro = Cadwch ddyddiadur o bopeth sy'n digwydd, hyd yn oed os yw'n ymddangos yn fach. Bob tro, ysgrifennwch:
advice-what-record-when = y dyddiad a'r amser
advice-what-record-where = ble digwyddodd
advice-what-record-what = beth ddigwyddodd, a beth ddywedodd neu wnaeth y person
advice-what-record-witnesses = enwau unrhyw un a'i gwelodd neu a'i clywodd
advice-what-record-effect = sut gwnaeth i chi deimlo, ac unrhyw beth a newidioch chi oherwydd hynny, fel y ffordd rydych chi'n mynd i'r gwaith
advice-what-record-soon = Ceisiwch ei ysgrifennu cyn gynted ag y gallwch chi ar ôl iddo ddigwydd. Cadwch eich dyddiadur rywle diogel na all y person ei gyrraedd.
advice-what-evidence-heading = Cadw tystiolaeth
advice-what-evidence-intro = Mae tystiolaeth yn helpu'r heddlu. Ceisiwch gadw:
advice-what-evidence-messages = negeseuon, negeseuon e-bost, negeseuon llais a rhestrau o alwadau
advice-what-evidence-screenshots = sgrinluniau o bostiadau a negeseuon sy'n dangos y dyddiad a'r amser
advice-what-evidence-letters = llythyrau, cardiau ac anrhegion, mewn bag, gan eu cyffwrdd cyn lleied ag y gallwch chi
advice-what-evidence-photos = lluniau o unrhyw ddifrod
advice-what-evidence-video = recordiadau o gamera cloch drws neu deledu cylch cyfyng (CCTV)
advice-what-evidence-delete = Peidiwch â dileu dim byd, hyd yn oed os yw'n eich gofidio. Os yw'n rhy anodd i chi edrych arno, gofynnwch i rywun rydych chi'n ymddiried ynddo eich helpu i'w gadw.
advice-what-evidence-reply = Ceisiwch beidio ag ateb y person na dadlau ag ef. Os ydych chi wedi ateb o'r blaen, mae hynny'n iawn ac nid eich bai chi yw e.
advice-what-report-heading = Rhoi gwybod cyn gynted ag y gallwch chi
advice-what-report-delay = Peidiwch ag aros iddo waethygu. Does dim angen i chi gael yr holl dystiolaeth cyn dweud wrthym, a does dim gwahaniaeth os dechreuodd amser maith yn ôl.
advice-what-report-ways-heading = Ffyrdd o roi gwybod
advice-what-report-online-html = <a class="govuk-link" href="/report-stalking">Rhowch wybod i ni ar-lein</a>. Does dim rhaid i chi roi eich enw.
advice-what-report-101-html = Ffoniwch { -tel-101 }, rhif yr heddlu ar gyfer pethau nad ydynt yn argyfwng. Os ydych chi'n defnyddio ffôn testun neu ap <span lang="en">Relay UK</span>, ffoniwch { -tel-18001-101 }.
advice-what-report-station = Ewch i orsaf heddlu a gofynnwch am gael siarad â rhywun.
advice-what-report-crimestoppers-html = Ffoniwch <span lang="en">Crimestoppers</span> ar { -tel-crimestoppers }. Fyddan nhw ddim yn gofyn am eich enw.
advice-what-report-someone-else = Gall rhywun arall roi gwybod ar eich rhan, fel ffrind neu aelod o'r teulu.
advice-what-trust-heading = Dweud wrth rywun rydych chi'n ymddiried ynddo
advice-what-trust-text = Dywedwch wrth ffrind, aelod o'r teulu, neu rywun yn y gwaith neu'r ysgol. Gallan nhw gadw llygad amdanoch chi, eich helpu i gadw cofnod a bod gyda chi pan fyddwch chi'n rhoi gwybod.
advice-what-support-heading = Cael cymorth
advice-what-support-domestic-html = Os mai eich partner neu eich cyn-bartner yw'r person, gall y Llinell Gymorth Genedlaethol ar Gam-drin Domestig (<span lang="en">National Domestic Abuse Helpline</span>) helpu: { -web-domestic-abuse-helpline }.
advice-what-support-victim-html = Mae Cymorth i Ddioddefwyr (<span lang="en">Victim Support</span>) yn rhoi help am ddim i unrhyw un y mae trosedd wedi effeithio arno, hyd yn oed os nad ydych chi wedi dweud wrth yr heddlu. Ffoniwch { -tel-victim-support }.
advice-what-support-more-html = Mae rhagor o sefydliadau sy'n gallu helpu ar ein tudalen am <a class="govuk-link" href="/advice/support">gymorth i chi</a>.
advice-what-place-heading = Dweud wrthym am fan lle roeddech chi'n teimlo'n anniogel
advice-what-place-text = Os gwnaeth stryd, parc neu fan cyhoeddus arall i chi deimlo'n anniogel, gallwch chi ddweud wrthym amdano heb roi eich enw. Mae hyn yn ein helpu ni a'r cyngor i'w wneud yn fwy diogel.

## Cuddio eich ôl ar-lein

tracks-title = Cuddio eich ôl ar-lein
tracks-lead = Os gallai rhywun edrych ar eich ffôn, eich llechen neu eich cyfrifiadur, mae ffyrdd o'i gwneud hi'n anoddach iddynt weld eich bod wedi ymweld â'r wefan hon.
tracks-no-guarantee = Dydy'r un o'r ffyrdd hyn yn gwbl ddiogel. Y peth mwyaf diogel yw defnyddio dyfais na all y person ei chyrraedd, fel ffôn ffrind neu gyfrifiadur mewn llyfrgell.
tracks-warning = Os ydych chi'n meddwl bod rhywun yn gwylio beth rydych chi'n ei wneud ar eich dyfais, defnyddiwch ddyfais wahanol os gallwch chi.
tracks-exit-heading = Gadael y wefan hon yn gyflym
tracks-exit-intro = I adael y wefan hon yn gyflym, gallwch chi:
tracks-exit-esc = bwyso'r fysell Esc
tracks-exit-shift = bwyso'r fysell Shift 3 gwaith yn gyflym
tracks-exit-button = ddewis y botwm Gadael y dudalen hon ar frig pob tudalen
tracks-exit-does-heading = Beth mae gadael yn gyflym yn ei wneud
tracks-exit-does-hide = cuddio'r dudalen ar unwaith
tracks-exit-does-history = rhoi rhywbeth arall yn lle'r dudalen roeddech chi arni yn hanes eich porwr, fel nad yw'r botwm Yn ôl yn mynd yn ôl ati
tracks-exit-does-cookies = dileu'r cwcis mae'r wefan hon wedi'u cadw ar eich dyfais
tracks-exit-does-answers = dileu o'n system unrhyw atebion i adroddiad nad ydych chi wedi'u hanfon eto
tracks-exit-does-weather = mynd â chi i wefan arall, fel rhagolygon y tywydd
tracks-exit-not-heading = Beth nad yw gadael yn gyflym yn ei wneud
tracks-exit-not-earlier = Efallai y bydd tudalennau eraill o'r wefan hon y gwnaethoch chi edrych arnynt o'r blaen yn dal yn hanes eich porwr.
tracks-exit-not-seen = All e ddim cuddio'r hyn mae rhywun sy'n gwylio eich sgrin wedi'i weld yn barod, na'r hyn mae apiau eraill ar eich dyfais wedi'i gofnodi.
tracks-exit-not-before = Dydy e ddim yn newid dim byd am y gwefannau y gwnaethoch chi ymweld â nhw cyn dod yma.
tracks-exit-no-js = Dim ond os yw JavaScript wedi'i droi ymlaen yn eich porwr mae'r bysellau Esc a Shift yn gweithio. Mae'r botwm Gadael y dudalen hon bob amser yn gweithio, ond heb JavaScript efallai y bydd y dudalen roeddech chi arni'n aros yn eich hanes.
tracks-private-heading = Defnyddio pori preifat
tracks-private-what = Mae pori preifat yn golygu nad yw eich porwr yn cadw'r tudalennau rydych chi'n ymweld â nhw ar ôl i chi gau'r ffenestr breifat.
tracks-private-names = Mae ganddo enwau gwahanol mewn porwyr gwahanol, er enghraifft Pori Preifat, Incognito, InPrivate neu Ffenestr Breifat. Fel arfer, gallwch chi ddod o hyd iddo yn newislen y porwr.
tracks-private-limits = Dydy pori preifat ddim yn cuddio beth rydych chi'n ei wneud rhag apiau ysbïo, rhag rhywun sy'n gwylio eich sgrin, na rhag rhwydwaith gwaith neu ysgol. Bydd ffeiliau rydych chi'n eu lawrlwytho a nodau tudalen rydych chi'n eu cadw yn dal yno.
tracks-private-close = Pan fyddwch chi wedi gorffen, caewch bob ffenestr breifat.
tracks-clear-heading = Clirio hanes eich pori
tracks-clear-intro = Os na wnaethoch chi ddefnyddio pori preifat, gallwch chi ddileu'r tudalennau y gwnaethoch chi ymweld â nhw. Mae eich porwr yn cadw:
tracks-clear-history = hanes o'r tudalennau rydych chi'n ymweld â nhw
tracks-clear-cookies = cwcis, sef ffeiliau bach mae gwefannau'n eu cadw
tracks-clear-cache = storfa (cache), sef copi o dudalennau a lluniau
tracks-clear-our-cookies = Mae cwcis y wefan hon ei hun yn cael eu dileu pan fyddwch chi'n cau eich porwr neu'n defnyddio Gadael y dudalen hon. Mae eich hanes a'ch storfa yn aros nes i chi eu clirio.
tracks-clear-computer-heading = Ar gyfrifiadur
tracks-clear-computer = Agorwch ddewislen y porwr, yna chwiliwch am Hanes neu Preifatrwydd, yna Clirio data pori. Dewiswch hanes, cwcis a delweddau a ffeiliau wedi'u storio. Yn y rhan fwyaf o borwyr ar Windows, gallwch chi bwyso Ctrl, Shift a Delete gyda'i gilydd i fynd yn syth yno.
tracks-clear-phone-heading = Ar ffôn neu lechen
tracks-clear-phone = Agorwch osodiadau'r porwr, yna chwiliwch am Hanes neu Preifatrwydd. Gallwch chi ddileu tudalennau unigol neu bopeth ers amser penodol.
tracks-clear-careful = Os yw rhywun fel arfer yn gwirio eich hanes, gallai dileu'r cyfan ei wneud yn amheus. Gallwch chi ddileu'r tudalennau o'r wefan hon yn unig yn lle hynny.
tracks-clear-search = Os ydych chi wedi mewngofnodi i beiriant chwilio neu gyfrif e-bost, efallai y bydd eich chwiliadau hefyd yn cael eu cadw yn y cyfrif hwnnw.
tracks-shared-heading = Dyfeisiau a chyfrifon a rennir
tracks-shared-sync = Os ydych chi wedi mewngofnodi i'ch porwr, gall eich hanes ymddangos ar ddyfeisiau eraill sy'n defnyddio'r un cyfrif, fel gliniadur neu lechen a rennir.
tracks-shared-cloud = Gall cyfrifon a rennir ar gyfer lluniau, copïau wrth gefn, e-bost neu siopau apiau ddangos beth rydych chi'n ei wneud. Gall rhywun sy'n gwybod eich cyfrinair eu gweld hefyd.
tracks-shared-signed-in = Gwiriwch pa ddyfeisiau sydd wedi mewngofnodi i'ch cyfrifon, ac allgofnodwch o unrhyw rai nad ydych chi'n eu hadnabod.
tracks-shared-passwords = Newidiwch eich cyfrineiriau gan ddefnyddio dyfais nad yw'r person erioed wedi'i defnyddio, a throwch ddilysu dau gam ymlaen.
tracks-tracking-heading = Gwirio am dracio
tracks-tracking-intro = Gallai rhywun ddefnyddio eich ffôn, ap neu ddyfais fach i ddarganfod ble rydych chi.
tracks-tracking-location = Gwiriwch pa apiau a phobl sy'n gallu gweld eich lleoliad. Mae hyn yn cynnwys rhannu gyda'r teulu, apiau mapiau ac apiau cyfryngau cymdeithasol.
tracks-tracking-apps = Chwiliwch am apiau nad ydych chi'n eu hadnabod. Mae rhai apiau ysbïo yn cuddio eu henw neu eu heicon.
tracks-tracking-trackers = Gall tracwyr Bluetooth bach gael eu cuddio mewn bag, cot neu gar. Gall llawer o ffonau eich rhybuddio pan fydd traciwr anhysbys yn symud gyda chi. Chwiliwch am rybuddion tracwyr yng ngosodiadau eich ffôn.
tracks-tracking-careful = Cyn i chi dynnu ap neu draciwr, meddyliwch a fydd y person yn sylwi. Gall hefyd fod yn dystiolaeth. Gallwch chi siarad â ni neu â'r Llinell Gymorth Genedlaethol ar Stelcian yn gyntaf.

## Gorchmynion a all eich amddiffyn

orders-title = Gorchmynion a all eich amddiffyn
orders-lead = Gall llys wneud gorchymyn sy'n atal rhywun rhag gwneud rhai pethau, fel cysylltu â chi neu ddod yn agos at eich cartref. Mae torri un o'r gorchmynion hyn yn drosedd.
orders-spo-heading = Gorchmynion Amddiffyn rhag Stelcian
orders-spo-what = Gall yr heddlu ofyn i lys ynadon am Orchymyn Amddiffyn rhag Stelcian. Mae'r gorchmynion hyn yn dod o Ddeddf Amddiffyn rhag Stelcian 2019.
orders-spo-when = Gall y llys wneud un hyd yn oed os nad yw'r person wedi'i gyhuddo o drosedd. Gall ei wahardd rhag gwneud pethau, fel cysylltu â chi neu fynd i leoedd rydych chi'n mynd iddynt, a gall ei gwneud yn ofynnol iddo wneud pethau, fel mynd ar gwrs.
orders-spo-you = Dydych chi ddim yn gwneud cais amdano eich hun. Dywedwch wrthym beth sy'n digwydd a byddwn ni'n ystyried a ddylen ni ofyn am un.
orders-restraining-heading = Gorchmynion atal
orders-restraining-what = Pan fydd llys troseddol yn delio â rhywun, gall hefyd wneud gorchymyn atal i'ch amddiffyn. Gall y llys wneud hyn pan fydd y person yn cael ei euogfarnu o drosedd, o dan adran 5 o Ddeddf Amddiffyn rhag Aflonyddu 1997, neu hyd yn oed pan fydd yn cael ei gael yn ddieuog, os oes angen y gorchymyn i'ch amddiffyn rhag aflonyddu, o dan adran 5A.
orders-restraining-you = Dydych chi ddim yn gwneud cais amdano eich hun. Yr erlynydd sy'n gofyn i'r llys amdano, felly dywedwch wrthym os ydych chi eisiau un.
orders-nmo-heading = Gorchmynion rhag molestu
orders-nmo-what = Gallwch chi wneud cais i lys teulu am orchymyn rhag molestu o dan adran 42 o Ddeddf Cyfraith Teulu 1996. Gall eich amddiffyn rhag rhywun rydych chi wedi bod mewn perthynas agos ag ef, fel partner neu gyn-bartner, aelod o'r teulu neu rywun roeddech chi'n byw gydag ef.
orders-nmo-breach = Mae torri gorchymyn rhag molestu yn drosedd o dan adran 42A o'r un Ddeddf.
orders-nmo-help-html = Gall cyfreithiwr eich helpu i wneud cais, ac efallai y gallwch chi gael cymorth cyfreithiol. Gall y Llinell Gymorth Genedlaethol ar Gam-drin Domestig (<span lang="en">National Domestic Abuse Helpline</span>) hefyd esbonio beth i'w wneud: { -web-domestic-abuse-helpline }.
orders-breach-heading = Os bydd rhywun yn torri gorchymyn
orders-breach-html = Ffoniwch { -tel-999 } os ydych chi mewn perygl nawr. Fel arall, ffoniwch { -tel-101 }. Dywedwch wrthym pa orchymyn ydyw, a chadwch gofnod o'r hyn a wnaeth y person.

## Cymorth i chi

support-title = Cymorth i chi
support-lead = Does dim rhaid i chi ddelio â hyn ar eich pen eich hun. Dydy'r sefydliadau hyn ddim yn rhan o'r heddlu. Gallwch chi gysylltu â nhw p'un a ydych chi wedi dweud wrthym neu beidio.
support-numbers-note = Dim ond rhifau ffôn rydyn ni wedi'u gwirio rydyn ni'n eu rhoi. Ar gyfer y lleill, ewch i'w gwefan, sy'n rhoi eu rhifau ffôn a'u horiau agor.
support-stalking-heading = Stelcian
support-nsh-html = <strong lang="en">National Stalking Helpline</strong> (Llinell Gymorth Genedlaethol ar Stelcian): cyngor am ddim i unrhyw un y mae stelcian wedi effeithio arno, wedi'i rhedeg gan <span lang="en">Suzy Lamplugh Trust</span>. Ffoniwch { -tel-stalking-helpline }. Mae ei horiau agor ar ei gwefan: { -web-stalking-helpline }.
support-paladin-html = <strong lang="en">Paladin National Stalking Advocacy Service</strong>: gweithwyr achos arbenigol sy'n cefnogi pobl sydd mewn perygl mawr oherwydd stelcian: { -web-paladin }.
support-pas-html = <strong lang="en">Protection Against Stalking</strong>: elusen sy'n cefnogi pobl sy'n cael eu stelcian a'u teuluoedd: { -web-pas }.
support-crime-heading = Ar ôl trosedd
support-victim-support-html = <strong lang="en">Victim Support</strong> (Cymorth i Ddioddefwyr): help am ddim i unrhyw un y mae trosedd wedi effeithio arno, hyd yn oed os nad yw wedi dweud wrth yr heddlu. Ffoniwch { -tel-victim-support } neu ewch i { -web-victim-support }.
support-crimestoppers-html = <strong lang="en">Crimestoppers</strong>: dywedwch wrthynt am drosedd heb roi eich enw. Ffoniwch { -tel-crimestoppers } neu ewch i { -web-crimestoppers }.
support-images-html = <strong lang="en">Revenge Porn Helpline</strong>: help i oedolion y mae eu delweddau personol iawn wedi cael eu rhannu, neu sy'n cael eu bygwth â hynny, gan gynnwys cael eu tynnu i lawr: { -web-revenge-porn-helpline }.
support-relationships-heading = Partneriaid, cyn-bartneriaid a theulu
support-domestic-html = <strong lang="en">National Domestic Abuse Helpline</strong> (Llinell Gymorth Genedlaethol ar Gam-drin Domestig): cymorth i unrhyw un sy'n profi cam-drin domestig: { -web-domestic-abuse-helpline }.
support-mens-html = <strong lang="en">Men's Advice Line</strong>: cymorth i ddynion sy'n cael eu cam-drin gan bartner, cyn-bartner neu aelod o'r teulu: { -web-mens-advice-line }.
support-karma-html = <strong lang="en">Karma Nirvana</strong>: cymorth i bobl y mae priodas dan orfod neu gam-drin ar sail anrhydedd fel y'i gelwir wedi effeithio arnynt: { -web-karma-nirvana }.
support-galop-html = <strong lang="en">Galop</strong>: cymorth i bobl LHDT+ sy'n profi cam-drin, trais neu droseddau casineb: { -web-galop }.
support-respect-html = <strong lang="en">Respect</strong>: help i bobl sydd eisiau rhoi'r gorau i fod yn gamdriniol neu'n rheolaethol tuag at bartner neu aelod o'r teulu. Mae <span lang="en">Respect</span> hefyd yn rhedeg y <span lang="en">Men's Advice Line</span>: { -web-respect }.
support-young-heading = Plant a phobl ifanc
support-childline-html = <strong lang="en">Childline</strong>: i unrhyw un o dan 19 oed sydd eisiau siarad am unrhyw beth sy'n ei boeni. Ffoniwch { -tel-childline } neu ewch i { -web-childline }.
support-nspcc-html = <strong lang="en">NSPCC</strong>: i oedolion sy'n poeni am blentyn. Ffoniwch { -tel-nspcc } neu ewch i { -web-nspcc }.
support-police-heading = Dweud wrth yr heddlu
support-police-html = Gallwch chi <a class="govuk-link" href="/report-stalking">roi gwybod i ni ar-lein</a> neu ffonio { -tel-101 }. Os ydych chi mewn perygl nawr, ffoniwch { -tel-999 }.

## Mynegai'r cyngor: rhagor o dudalennau

advice-index-after-text = Beth rydyn ni'n ei wneud pan fyddwn ni'n cael eich adroddiad, a beth gallwch chi ei ddisgwyl gennym ni.
advice-index-orders-text = Gorchmynion llys sy'n gallu atal rhywun rhag cysylltu â chi neu ddod yn agos atoch chi.
advice-index-support-text = Sefydliadau sy'n gallu eich cefnogi, p'un a ydych chi'n dweud wrth yr heddlu neu beidio.
advice-index-place-reports-text = Sut rydyn ni a'r cyngor yn defnyddio adroddiadau am fannau lle roedd pobl yn teimlo'n anniogel.
support-read-more = Dod o hyd i sefydliadau eraill sy'n gallu eich cefnogi
