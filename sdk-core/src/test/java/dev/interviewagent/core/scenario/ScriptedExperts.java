package dev.interviewagent.core.scenario;

import static dev.interviewagent.core.guide.Stage.ESSENCE;
import static dev.interviewagent.core.guide.Stage.EXPERTISE_MAP;
import static dev.interviewagent.core.guide.Stage.FAILURE_MODES;
import static dev.interviewagent.core.guide.Stage.GREETING;
import static dev.interviewagent.core.guide.Stage.GROWTH_PATH;
import static dev.interviewagent.core.guide.Stage.MASTERY;
import static dev.interviewagent.core.guide.Stage.OPERATIONS;
import static dev.interviewagent.core.guide.Stage.PROFILING;
import static dev.interviewagent.core.guide.Stage.WRAP_UP;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import java.util.List;

/** Six experts written for the tests: three professions in English, three in Russian. */
public final class ScriptedExperts {

    private ScriptedExperts() {
    }

    public static List<ScriptedExpert> english() {
        return List.of(icuNurse(), siteReliabilityEngineer(), pastryChef());
    }

    public static List<ScriptedExpert> russian() {
        return List.of(welder(), chiefAccountant(), mathTeacher());
    }

    public static ScriptedExpert icuNurse() {
        return ScriptedExpert.builder("icu_nurse", Language.ENGLISH,
                        new Profile("Maria", "ICU charge nurse", "City Hospital", "Healthcare", 14, "onboarding programme"))
                .stage(GREETING,
                        "I came into nursing because my grandmother was cared for by an amazing night nurse, and I wanted to be that person for someone.",
                        "What still energises me is the moment a patient who was ventilated for 10 days says their first words to their family.")
                .stage(PROFILING,
                        "I have been an ICU nurse for 14 years, the last 6 as charge nurse on a 16-bed unit. In 2019 I led the sepsis project that cut our time to antibiotics from 3 hours to 55 minutes.",
                        "I am proudest of the early warning rounds I introduced: for example, last year we had 40% fewer unplanned intubations, 18 instead of 30.",
                        "What sets me apart is that I read the monitor trends, not the numbers. Once a resident wanted to discharge a patient and I noticed the heart rate creeping up 5 beats every hour; it was an anastomotic leak.")
                .stage(ESSENCE,
                        "If I renamed my title it would be 'early warning system'. The secret is that most of the job is noticing small changes before they become emergencies.",
                        "What would surprise an outsider is how much of the work is talking to families. For example, last week I spent 2 hours with a daughter who could not accept that her father would not recover, and that conversation mattered more than any drip I changed.",
                        "The result that matters most is that nobody deteriorates unnoticed. I know I achieved it when the night passes with zero rapid response calls, which happens maybe 3 nights out of 5.",
                        "People think we just follow doctors' orders. In fact, what nobody tells you is that the nurse often decides when to call the doctor at 3 a.m., and that decision is the real clinical skill.")
                .stage(OPERATIONS,
                        "My shift goes like this. First, I take the handover at the bedside, 10 minutes per patient. Then I do a safety round of all 16 beds. After that I allocate nurses by acuity, not by bed number. Finally, I set the escalation thresholds for each patient on the whiteboard.",
                        "The task that takes most time is titrating sedation and vasopressors. For example, one patient last Tuesday needed noradrenaline changes every 15 minutes for 4 hours. Step one is checking the arterial line trace, step two the lactate, step three the urine output over the last hour.",
                        "The judgement call I make most is whether to escalate. I look at three things: the trend over 2 hours, the patient's colour and mental state, and whether the family says 'he is not himself'. Once a wife told me that and 40 minutes later he was in septic shock.",
                        "I rely on the early warning score but I avoid alarms without context. We set the alarm limits per patient at the start of the shift; that cut alarm fatigue by about 30%.")
                .stage(EXPERTISE_MAP,
                        "A newcomer must know on day one where the emergency trolley is, how to call for help and that they are never alone. Novices always focus on tasks; experts focus on the patient's trajectory.",
                        "What separates a good nurse from a great one is anticipation. For example, a great nurse has the blood gas syringe ready before the doctor asks. Intermediate nurses know the protocols, experts know when the protocol does not fit.",
                        "What no textbook says is that a quiet patient is more worrying than a complaining one. Once I found a patient with a GCS drop simply because he had stopped asking for water.",
                        "Within a week I can tell a new colleague will do well if they ask 'why' about the plan, not only 'what'. Juniors who only ask what to do plateau after a year.")
                .stage(FAILURE_MODES,
                        "The mistake every newcomer makes is trusting a single normal reading. The first sign of trouble is usually a trend. Last year a new nurse charted a normal blood pressure while the heart rate had climbed from 80 to 120 over 3 hours; we caught it on the round and fixed it by starting fluids and calling the team.",
                        "An error that went unnoticed for months was a pump library with the wrong maximum dose for insulin. The warning sign was that glucose values were oddly stable. It cost us two hypoglycaemic events before we found it; we fixed it by auditing every drug library and adding a double check.",
                        "I catch problems early by asking every nurse at 2 a.m. one question: 'what worries you about your patient?'. That simple check caught 12 deteriorations in six months.",
                        "The costliest mistake I have seen was a missed pressure injury on a heel that took 4 months to heal. The fix was a turning schedule with photos every 48 hours, and we have had no grade 3 injuries since.")
                .stage(MASTERY,
                        "My most elegant move was moving a patient to prone position with only four people at 4 a.m. First we planned every line, then we rehearsed it once, then we turned in 90 seconds. It worked because everyone knew exactly one job.",
                        "What I do automatically now is scanning the room from the door: colour, breathing pattern, monitor, pumps, in about 10 seconds. For example, last month I spotted a disconnected line that way before the alarm.",
                        "My gut was right against the data when the numbers were fine but the patient kept picking at the sheets. It was early delirium from an infection; the secret is that behaviour changes before lab values do.")
                .stage(GROWTH_PATH,
                        "The turning points were my first year, when I learned the routines, and after three years, when I started teaching students, which forced me to explain my decisions. After five years I became charge nurse.",
                        "People who grow fast ask for feedback after every difficult shift. For example, one colleague wrote down one lesson per shift and after 18 months she ran the unit at night. Slow growers wait to be told.",
                        "Talented people get stuck when they become the go-to person for tasks and stop learning the why. I would have a new hire practise handovers and escalation calls in the first 3 months, with a mentor listening to 20 of them.")
                .stage(WRAP_UP,
                        "Three pieces of advice: watch trends, not numbers; talk to families early; and never be ashamed to call for help at 3 a.m.",
                        "We did not talk about night shifts and sleep. A newcomer should plan recovery days; I learned that after burning out in my fourth year.")
                .memberCheck("Mostly right. Point 2 should say: the charge nurse decides when to escalate, not only when to call the doctor. I'd rate it 3.");
    }

    public static ScriptedExpert siteReliabilityEngineer() {
        return ScriptedExpert.builder("sre", Language.ENGLISH,
                        new Profile("Dev", "Staff SRE", "Payments company", "Fintech", 11, "incident training"))
                .stage(GREETING,
                        "I got into operations because I liked fixing broken things at 2 a.m. more than writing new features.",
                        "What still gives me energy is a clean postmortem where the team learns something real.")
                .stage(PROFILING,
                        "I have been doing reliability work for 11 years, 4 of them as staff SRE for a payments platform that handles 3,000 transactions per second.",
                        "The achievement I am proudest of: in 2022 we took availability from 99.5% to 99.95%, which cut downtime from 43 hours a year to about 4.",
                        "What sets me apart is that I write runbooks people actually use. For example, our database failover runbook went from 40 steps to 9.")
                .stage(ESSENCE,
                        "If I renamed my job it would be 'professional pessimist'. The key is to assume every dependency will fail and design so customers don't notice.",
                        "What surprises outsiders is that most of my week is not firefighting. Last month only 6 hours of 160 were incidents; the rest was removing toil and reviewing designs.",
                        "The result that matters most is error budget left at the end of the quarter. We track it weekly; when it drops below 25% we freeze risky releases.",
                        "People think SRE is about tools. In fact the secret is negotiation: getting product teams to trade features for reliability with numbers they accept.")
                .stage(OPERATIONS,
                        "A typical day: first I check the overnight alerts and the error budget dashboard, then I review two or three design docs, after that I pair with an engineer on automation, and finally I update the on-call handover.",
                        "Incident response step by step: 1. declare the incident and name an incident commander; 2. stop the bleeding, usually by rolling back; 3. communicate every 15 minutes; 4. only then look for the root cause.",
                        "The judgement call is when to roll back versus fix forward. I roll back if the fix takes more than 10 minutes to verify. Once in 2021 we fixed forward and turned a 5-minute outage into a 2-hour one.",
                        "I rely on tracing and on feature flags. I avoid dashboards with more than 12 panels because nobody reads them during an incident.")
                .stage(EXPERTISE_MAP,
                        "A newcomer must know on day one how to page a human and how to roll back. Juniors always try to understand everything before acting; experts stabilise first.",
                        "What separates good from great is knowing which signal to ignore. For example, a great engineer knows our CPU alerts fire every Monday during the batch and skips them in 5 seconds.",
                        "What no course teaches is reading a service's 'normal'. Intermediate engineers know the architecture diagram; experts know what the graphs look like on a quiet Sunday.",
                        "I can tell in a week that a new colleague will do well if they write down what they did during their first page. Seniors keep a log without being asked.")
                .stage(FAILURE_MODES,
                        "The mistake every newcomer makes is changing two things at once during an incident. The warning sign is a timeline you cannot reconstruct. Last year that cost us 50 minutes; we fixed it by making the commander approve every change.",
                        "An error unnoticed for months: our backups were succeeding but writing empty files because of a permissions change. The first sign was that backup duration dropped from 40 minutes to 2. We fixed it by adding a restore test every week.",
                        "I catch problems early with synthetic transactions every minute from three regions. That caught a certificate expiry 6 days before it would have broken payments.",
                        "The costliest mistake I saw was a config push to all regions at once that took down checkout for 38 minutes. The fix was staged rollouts: 1%, then 10%, then 50%, then everything, with automatic rollback.")
                .stage(MASTERY,
                        "My most elegant move was draining a failing availability zone during Black Friday in 4 minutes without dropping a payment. It was possible because we had practised the drill every month for a year.",
                        "What I do automatically now is ask 'what changed?' in the first minute of any incident. In about 70% of incidents the answer is a deploy or a config change.",
                        "My gut beat the data once when latency graphs were flat but support tickets mentioned 'slow receipts'. It was a queue backing up; the secret is that customers are your most sensitive monitor.")
                .stage(GROWTH_PATH,
                        "Turning points: my first on-call rotation in my first year, leading my first major incident after two years, and writing my first postmortem that changed the architecture after four years.",
                        "Fast growers volunteer for incident commander early and ask for a review afterwards. For example, one junior commanded 8 incidents in 6 months and was promoted within the year.",
                        "Talented people get stuck when they become heroes who fix everything themselves. In the first 3 months I would have a new hire run game days and write two runbooks.")
                .stage(WRAP_UP,
                        "Advice to my younger self: roll back first, write everything down, and sleep after an incident before judging anyone.",
                        "We did not cover capacity planning. A newcomer should learn to forecast load for the next quarter with simple linear models before anything fancy.")
                .memberCheck("Yes, that's right. 4");
    }

    public static ScriptedExpert pastryChef() {
        return ScriptedExpert.builder("pastry_chef", Language.ENGLISH,
                        new Profile("Luc", "Head pastry chef", "Hotel restaurant", "Hospitality", 20, "apprentice programme"))
                .stage(GREETING,
                        "I started baking with my father at 15 because the bakery needed hands at 4 in the morning.",
                        "What still excites me is a new dessert that works on the first service without a single plate coming back.")
                .stage(PROFILING,
                        "I have been a pastry chef for 20 years, the last 8 as head of pastry in a hotel with 3 restaurants and 400 covers a night.",
                        "My proudest achievement: in 2018 we cut dessert waste from 22% to 7% by baking in smaller batches every 3 hours.",
                        "What sets me apart is that I treat pastry as a process, not art. For example, every recipe in my kitchen is weighed to the gram and has a photo of every step.")
                .stage(ESSENCE,
                        "If I renamed my title it would be 'temperature manager'. The secret is that pastry is chemistry that happens at the right temperature.",
                        "Outsiders are surprised that 70% of my job is planning and ordering. For example, last week I planned 1,200 desserts for a wedding three weeks in advance.",
                        "The result that matters most is consistency: the 400th plate tastes like the first. I check it by tasting from the pass every 50 covers.",
                        "People think pastry chefs are creative all day. In fact, what nobody tells you is that creativity happens on Monday mornings and the rest of the week is discipline.")
                .stage(OPERATIONS,
                        "My morning: first I check the fridge temperatures and the overnight proofing, then I brief the team of 6 with the prep list, after that we bake bases, and finally we prepare garnishes 1 hour before service.",
                        "The task that takes most time is laminating dough. Step one, the butter block at 12 degrees; step two, three single folds with 30 minutes rest; step three, rolling to 4 millimetres. Once I skipped a rest and the croissants lost 20% volume.",
                        "The judgement call is when a batch is good enough to serve. I look at colour, smell and the sound when I tap the base.",
                        "I rely on a probe thermometer and scales; I avoid recipes in cups because they vary by 15% between cooks.")
                .stage(EXPERTISE_MAP,
                        "A newcomer must know on day one how to weigh, how to clean as they go and the allergens of every dish. Novices always rush; experts wait for the dough.",
                        "What separates good from great is tasting everything. For example, a great cook tastes the cream before and after whipping. Intermediate cooks follow the recipe, experts adjust it for the humidity of the day.",
                        "What no book teaches is reading the weather: on humid days meringue needs 10% more sugar.",
                        "I know in a week a new cook will do well if they write down their mistakes. Juniors who hide them stay juniors.")
                .stage(FAILURE_MODES,
                        "The mistake every newcomer makes is overmixing. The first sign is a tough, shiny batter. Last month a new cook overmixed 40 muffins; we fixed it by teaching the fold and timing it at 12 turns.",
                        "An error unnoticed for months was an oven that ran 15 degrees hot. The warning sign was that the edges darkened before the centre set. We fixed it by calibrating all ovens every month with a probe.",
                        "I catch problems early by test-baking one piece from every batch. That simple check saved a 300-piece order last week.",
                        "The costliest mistake I saw was a nut contamination on a nut-free dessert. The consequence was a guest in hospital. The fix was separate colour-coded tools and a second person checking every allergen order.")
                .stage(MASTERY,
                        "My most elegant move was rescuing a split chocolate ganache for 200 plates with a splash of warm milk in 30 seconds, because I knew the emulsion chemistry.",
                        "What I do automatically now is smell the caramel: I can tell by smell when it is 5 seconds from burning.",
                        "My gut was right against the recipe when a new flour batch looked identical but I added 5% more water. It had a different protein level; the secret is to trust the dough's feel over the sheet.")
                .stage(GROWTH_PATH,
                        "Turning points: my first year I learned speed, after 3 years I ran a section, and after 7 years I opened my own pastry kitchen for a hotel.",
                        "Fast growers practise at home and taste other people's desserts. For example, one apprentice made a tart every Sunday for a year and became sous chef in 2 years.",
                        "Talented people get stuck when they copy instead of understanding. In the first 3 months an apprentice should master five base recipes: pâte sucrée, choux, crème pâtissière, ganache and meringue.")
                .stage(WRAP_UP,
                        "Advice to my younger self: weigh everything, taste everything and keep a notebook.",
                        "We did not cover costing. A newcomer should learn to price a dessert: ingredients should be under 25% of the menu price.")
                .memberCheck("Correct, I'd rate it 4 out of 4.");
    }

    public static ScriptedExpert welder() {
        return ScriptedExpert.builder("welder", Language.RUSSIAN,
                        new Profile("Сергей", "Сварщик 6 разряда", "Судоверфь", "Судостроение", 22, "обучение новичков"))
                .stage(GREETING,
                        "В сварку я пришёл в 16 лет на практике в училище: мастер дал держак, и у меня сразу получился ровный шов.",
                        "До сих пор радует, когда шов проходит рентген с первого раза и приёмка подписывает без замечаний.")
                .stage(PROFILING,
                        "Я сварщиком работаю 22 года, последние 10 лет на судоверфи, варю корпуса и трубопроводы высокого давления.",
                        "Горжусь тем, что в 2020 году наша бригада снизила брак по рентгену с 8% до 1,5% за полгода.",
                        "Отличаюсь тем, что читаю шов по звуку. Например, на прошлой неделе по треску понял, что газ подаётся с перебоями, хотя манометр показывал норму.")
                .stage(ESSENCE,
                        "Если переименовать мою должность, я бы назвал её «технолог на месте». Секрет в том, что половина работы — подготовка кромок, а не сама сварка.",
                        "Постороннего удивило бы, что я час готовлю стык и 10 минут варю. Например, вчера на трубе 219 мм зачистка и подгонка заняли 50 минут.",
                        "Главный результат — шов без пор и непроваров. Понимаю, что достиг, когда ультразвук и рентген проходят с первого раза, у меня это примерно 97 стыков из 100.",
                        "Люди думают, что сварщик просто держит электрод. На самом деле никто не говорит, что главное — контроль тепла: перегрел металл, и шов потом треснет.")
                .stage(OPERATIONS,
                        "Обычная смена такая. Сначала получаю наряд и проверяю чертёж, потом проверяю аппарат и газ, затем зачищаю кромки до металлического блеска на 20 мм, после этого прихватываю, а в конце варю корень и заполнение.",
                        "Больше всего времени уходит на подготовку. Шаг первый — разделка кромок под 30 градусов; шаг второй — подогрев до 150 градусов для толстого металла; шаг третий — контроль зазора 2–3 мм щупом.",
                        "Решение по ситуации я принимаю, когда металл ведёт. Смотрю на зазор, на цвет окалины и на то, как ложится ванна. Однажды остановил работу, потому что зазор ушёл до 5 мм, и перебрал стык.",
                        "Опираюсь на инверторы с импульсом и на хороший щуп. Избегаю старых трансформаторов: на них дуга гуляет, и брак выше процентов на 30.")
                .stage(EXPERTISE_MAP,
                        "Новичок в первый день должен знать технику безопасности, как проверить заземление и что нельзя варить без маски. Новички всегда торопятся, а эксперт сначала готовит стык.",
                        "Хорошего сварщика от выдающегося отличает чувство ванны. Например, выдающийся по звуку меняет скорость, не глядя на амперметр. Специалист среднего уровня знает режимы, эксперт знает, когда их менять.",
                        "Ни один учебник не скажет, что в мороз электроды надо прокаливать дольше, минут на 30 сверх нормы.",
                        "За неделю видно, что у новичка получится, если он сам просит посмотреть его шов на изломе. Джуны, которые прячут брак, так и остаются на третьем разряде.")
                .stage(FAILURE_MODES,
                        "Ошибка, которую делает почти каждый новичок, — варить по грязным кромкам. Первый признак — поры и шипение дуги. В прошлом месяце новичок запорол 6 стыков, исправили так: вырезали, зачистили и переварили, а потом ввели проверку зачистки мастером.",
                        "Ошибка, которую месяцами не замечали, — отсыревшие электроды на складе. Выдало то, что поры пошли на всех сменах сразу. Это стоило нам 40 переделанных стыков; решили сушильным шкафом и журналом прокалки.",
                        "Ловлю проблемы рано так: первый стык смены отдаю на ультразвук сразу, не ждём конца дня. Так за полгода поймали 11 ошибок режима.",
                        "Самая дорогая ошибка — трещина в шве трубопровода высокого давления, которую нашли на опрессовке. Последствия — неделя простоя секции. Исправили подогревом и контролем межслойной температуры.")
                .stage(MASTERY,
                        "Самый изящный мой ход — заварил потолочный шов в узком отсеке на ощупь, по зеркалу, за 20 минут. Получилось, потому что 10 лет тренировал потолок на обрезках.",
                        "Автоматически я теперь проверяю зазор взглядом: вижу разницу в миллиметр без щупа. Например, в понедельник так заметил перекос фланца.",
                        "Чутьё оказалось право вопреки данным, когда по паспорту сталь была обычная, а искра при шлифовке была другая. Оказалась легированная; секрет в том, что металл сам говорит, если его слушать.")
                .stage(GROWTH_PATH,
                        "Поворотные точки: в первый год научился держать дугу, через три года сдал на 5 разряд, а через семь лет стал варить ответственные трубопроводы.",
                        "Быстро растут те, кто варит обрезки после смены и просит разбор брака. Например, один парень за год тренировок дошёл до 5 разряда. Медленные ждут, пока научат.",
                        "Талантливые застревают, когда начинают варить только то, что умеют. В первые три месяца я бы дал новичку отработать корень шва на пластинах и 50 стыков труб под контролем.")
                .stage(WRAP_UP,
                        "Три совета себе молодому: готовь стык дольше, чем варишь; береги глаза и лёгкие; записывай режимы.",
                        "Мы не поговорили про чтение чертежей. Новичку обязательно нужно научиться читать обозначения швов, это половина ошибок.")
                .memberCheck("В целом верно. Пункт 1: главное не подготовка, а контроль тепла и подготовка вместе. Оценка 3.");
    }

    public static ScriptedExpert chiefAccountant() {
        return ScriptedExpert.builder("chief_accountant", Language.RUSSIAN,
                        new Profile("Ольга", "Главный бухгалтер", "Торговая сеть", "Ритейл", 18, "обучение бухгалтеров"))
                .stage(GREETING,
                        "В бухгалтерию я пришла случайно: после экономического меня взяли на первичку, и мне понравилось, что всё сходится до копейки.",
                        "До сих пор радует, когда годовой отчёт сдан без единого уточнения от налоговой.")
                .stage(PROFILING,
                        "Я главный бухгалтер 18 лет, последние 7 лет в торговой сети на 45 магазинов с оборотом около 6 миллиардов рублей.",
                        "Горжусь тем, что в 2021 году мы сократили закрытие месяца с 12 рабочих дней до 5.",
                        "Отличаюсь тем, что выстраиваю процессы, а не тушу пожары. Например, у нас каждая сверка описана регламентом на одной странице.")
                .stage(ESSENCE,
                        "Если переименовать мою должность, я бы назвала её «переводчик между бизнесом и налоговой». Секрет в том, что цифры должны рассказывать историю, понятную директору.",
                        "Постороннего удивило бы, сколько времени уходит на переговоры. Например, на прошлой неделе я три часа договаривалась с поставщиком о правильных документах.",
                        "Главный результат — отсутствие штрафов и доначислений. Понимаю, что достигла, когда проверка закрывается без претензий; за 7 лет у нас их было 2 на сумму меньше 100 тысяч.",
                        "Люди думают, что бухгалтер просто проводит документы. На самом деле никто не говорит, что главное — предвидеть налоговые последствия сделки до её подписания.")
                .stage(OPERATIONS,
                        "Закрытие месяца у нас так. Сначала собираем первичку до 3 числа, потом сверяем склад и кассу, затем начисляем зарплату и налоги, после этого закрываем затраты, а в конце я проверяю баланс и отчёт о прибылях.",
                        "Больше всего времени отнимает сверка с контрагентами. Шаг первый — выгрузка актов, шаг второй — автоматическое сравнение, шаг третий — разбор расхождений больше 1000 рублей вручную.",
                        "Решение по ситуации я принимаю, когда документ спорный: смотрю на сумму, на риск переквалификации и на позицию судов. Однажды отказалась принимать акт на 3 миллиона без подтверждения, и это спасло нас на проверке.",
                        "Опираюсь на 1С и на свои контрольные соотношения. Избегаю ручных таблиц: в них ошибки примерно в 5% строк.")
                .stage(EXPERTISE_MAP,
                        "Новичок в первый день должен знать план счетов, сроки отчётности и кому звонить, если не сходится касса. Новички всегда боятся спросить, а эксперт спрашивает сразу.",
                        "Хорошего бухгалтера от выдающегося отличает понимание бизнеса. Например, выдающийся видит по проводкам, что магазин теряет маржу. Специалист среднего уровня знает проводки, эксперт знает, зачем они.",
                        "Ни один курс не учит, что самые опасные ошибки — в мелких регулярных платежах: 5 тысяч в месяц за год превращаются в доначисление с пенями.",
                        "За неделю видно, что новичок справится, если он сам находит расхождение и приносит его с объяснением. Джуны, которые молча правят цифры, опасны.")
                .stage(FAILURE_MODES,
                        "Ошибка, которую делает почти каждый новичок, — проводит документ без проверки реквизитов контрагента. Первый признак — возврат платежа из банка. В прошлом году так ушло 200 тысяч не тому получателю; исправили через претензию и ввели двойную проверку реквизитов.",
                        "Ошибка, которую месяцами не замечали, — неправильная ставка НДС на одну группу товаров. Выдало то, что маржа по группе была странно высокой. Это стоило доначисления 1,2 миллиона; исправили справочник и настроили ежемесячный контроль ставок.",
                        "Ловлю проблемы рано через контрольные соотношения: каждый понедельник смотрю 10 показателей, и отклонение больше 15% разбираем в тот же день.",
                        "Самая дорогая ошибка — пропущенный срок сдачи декларации. Последствия — блокировка счёта на 2 дня. Исправили календарём с напоминаниями за 5 дней и ответственным за каждую форму.")
                .stage(MASTERY,
                        "Самый изящный мой ход — перестроила учёт аренды так, что экономия по налогу составила 4 миллиона в год законно. Получилось, потому что я понимала и договоры, и налоговый кодекс.",
                        "Автоматически я теперь вижу аномалии в оборотке: цифра с неправильным знаком бросается в глаза за секунду. Например, вчера так нашла задвоенную проводку.",
                        "Чутьё оказалось право вопреки отчётам, когда всё сходилось, но поставщик слишком торопил с оплатой. Оказалась фирма-однодневка; секрет в том, что спешка контрагента — это сигнал.")
                .stage(GROWTH_PATH,
                        "Поворотные точки: в первый год я освоила первичку, через три года стала вести участок полностью, через шесть лет стала главным бухгалтером.",
                        "Быстро растут те, кто разбирается в бизнесе клиента и задаёт вопросы. Например, одна сотрудница за 2 года выросла от кассира до заместителя, потому что каждую пятницу разбирала со мной сложные случаи.",
                        "Талантливые застревают, когда уходят в рутину и перестают читать изменения законодательства. В первые три месяца новичку стоит пройти полный цикл закрытия месяца с наставником.")
                .stage(WRAP_UP,
                        "Три совета себе молодой: спрашивай сразу, документируй решения и читай договоры до подписания.",
                        "Мы не поговорили про автоматизацию. Новичку стоит научиться писать простые запросы к базе, это экономит часы.")
                .memberCheck("Да, всё верно. Ставлю 4.");
    }

    public static ScriptedExpert mathTeacher() {
        return ScriptedExpert.builder("math_teacher", Language.RUSSIAN,
                        new Profile("Ирина", "Учитель математики", "Гимназия", "Образование", 25, "наставничество молодых учителей"))
                .stage(GREETING,
                        "В школу я пришла из-за своей учительницы, которая объясняла геометрию так, что хотелось решать ещё.",
                        "До сих пор радует момент, когда слабый ученик сам находит решение и говорит: «а, так это просто».")
                .stage(PROFILING,
                        "Я учитель математики 25 лет, последние 12 лет веду профильные классы в гимназии.",
                        "Горжусь тем, что в 2023 году средний балл ЕГЭ моего класса вырос с 62 до 78.",
                        "Отличаюсь тем, что начинаю урок с ошибки. Например, на прошлой неделе я специально решила задачу неправильно, и класс 15 минут искал, где я ошиблась.")
                .stage(ESSENCE,
                        "Если переименовать мою должность, я бы назвала её «тренер мышления». Секрет в том, что математика учит рассуждать, а не считать.",
                        "Постороннего удивило бы, сколько времени уходит на подготовку. Например, к одному уроку в профильном классе я готовлюсь около 2 часов.",
                        "Главный результат — ученик, который не боится задачи. Понимаю, что достигла, когда на контрольной 80% класса берутся за задачу со звёздочкой.",
                        "Люди думают, что учитель объясняет материал. На самом деле никто не говорит, что главное — вопросы, которые задаёшь ученикам.")
                .stage(OPERATIONS,
                        "Урок у меня строится так. Сначала 5 минут устного счёта, потом разбор ошибки, затем новая тема через задачу, после этого самостоятельная работа, а в конце каждый пишет, что понял.",
                        "Больше всего времени уходит на проверку тетрадей. Шаг первый — смотрю только ход решения, шаг второй — выписываю типичные ошибки, шаг третий — строю из них разминку на следующий урок.",
                        "Решение по ситуации я принимаю, когда класс не понял тему. Смотрю на лица, на количество рук и на первые три решения. Однажды выбросила план урока и полчаса объясняла дроби заново.",
                        "Опираюсь на доску и на карточки с задачами трёх уровней. Избегаю презентаций: на них дети смотрят, а не думают, внимание падает минут через 10.")
                .stage(EXPERTISE_MAP,
                        "Новичок в первый день должен знать, как начать урок и как держать тишину без крика. Новички всегда объясняют слишком много, эксперт больше спрашивает.",
                        "Хорошего учителя от выдающегося отличает умение ждать ответа. Например, выдающийся учитель держит паузу 10 секунд. Специалист среднего уровня знает методику, эксперт знает каждого ученика.",
                        "Ни один учебник не скажет, что ошибка ученика — это подарок: по ней видно, как он думает.",
                        "За неделю видно, что молодой учитель справится, если он приходит после урока и спрашивает, что пошло не так. Новички, которые винят детей, растут медленно.")
                .stage(FAILURE_MODES,
                        "Ошибка, которую делает почти каждый новичок, — объясняет быстрее, чем класс думает. Первый признак — дети переписывают с доски и не задают вопросов. В прошлом году молодая коллега так потеряла полкласса на теме логарифмов; исправили тем, что после каждого шага она просила одного ученика повторить.",
                        "Ошибка, которую месяцами не замечали, — у меня ученик списывал все домашние работы. Выдало то, что контрольные у него были на 3, а домашние на 5. Исправили: устная защита домашней работы раз в неделю.",
                        "Ловлю проблемы рано через пятиминутки: каждый урок 3 коротких задачи, и если ошибаются больше 30% класса, возвращаюсь к теме.",
                        "Самая дорогая ошибка — я когда-то не заметила, что ученица боится математики, и она бросила профиль. Последствия — потерянный год. Теперь в сентябре провожу анкету о страхах.")
                .stage(MASTERY,
                        "Самый изящный мой ход — объяснила производную через скорость автобуса за одну минуту, и класс понял сразу. Получилось, потому что я знала, что они все ездят на этом автобусе.",
                        "Автоматически я теперь замечаю ребёнка, который потерялся: по взгляду и по тому, как он держит ручку. Например, вчера так подошла к мальчику раньше, чем он сдался.",
                        "Чутьё оказалось право вопреки оценкам, когда сильная ученица стала получать 4. Оказалось, дома проблемы; секрет в том, что оценка — это симптом, а не диагноз.")
                .stage(GROWTH_PATH,
                        "Поворотные точки: в первый год я научилась держать класс, через пять лет стала вести олимпиадников, через десять лет начала учить молодых учителей.",
                        "Быстро растут те, кто ходит на уроки к коллегам. Например, одна молодая учительница посетила 40 уроков за год и через 2 года взяла профильный класс.",
                        "Талантливые застревают, когда начинают вести уроки по одному шаблону. В первые три месяца я бы попросила молодого учителя каждую неделю разбирать один свой урок с наставником.")
                .stage(WRAP_UP,
                        "Три совета себе молодой: задавай больше вопросов, чем даёшь ответов; люби ошибки учеников; отдыхай летом по-настоящему.",
                        "Мы не поговорили о родителях. Новичку нужно научиться говорить с родителями спокойно и с фактами.")
                .memberCheck("Верно. Оценка 4 из 4.");
    }

    /** A terse, evasive expert: every answer is short and generic. */
    public static List<String> evasiveAnswers(Language language) {
        return language == Language.RUSSIAN
                ? List.of("Как обычно.", "Ну, по-разному, зависит от ситуации.", "Стандартно, как все.",
                "В общем, как принято.", "Ну вы понимаете.", "Как всегда, по процессу.")
                : List.of("As usual.", "Well, it depends.", "The standard process, like everyone.",
                "Nothing special, you know.", "Typically the usual way.", "The normal process.");
    }
}
