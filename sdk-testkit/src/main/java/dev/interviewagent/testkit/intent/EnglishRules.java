package dev.interviewagent.testkit.intent;

import static dev.interviewagent.testkit.intent.IntentRule.when;
import static dev.interviewagent.testkit.intent.QuestionIntent.ADVICE;
import static dev.interviewagent.testkit.intent.QuestionIntent.BACKGROUND;
import static dev.interviewagent.testkit.intent.QuestionIntent.CLARIFY;
import static dev.interviewagent.testkit.intent.QuestionIntent.CUE;
import static dev.interviewagent.testkit.intent.QuestionIntent.DECISION;
import static dev.interviewagent.testkit.intent.QuestionIntent.ESSENCE;
import static dev.interviewagent.testkit.intent.QuestionIntent.EXAMPLE;
import static dev.interviewagent.testkit.intent.QuestionIntent.FAILURE;
import static dev.interviewagent.testkit.intent.QuestionIntent.GROWTH;
import static dev.interviewagent.testkit.intent.QuestionIntent.MEMBER_CHECK;
import static dev.interviewagent.testkit.intent.QuestionIntent.MOTIVATION;
import static dev.interviewagent.testkit.intent.QuestionIntent.NOVICE_EXPERT;
import static dev.interviewagent.testkit.intent.QuestionIntent.NUMBERS;
import static dev.interviewagent.testkit.intent.QuestionIntent.OTHER;
import static dev.interviewagent.testkit.intent.QuestionIntent.PRINCIPLE;
import static dev.interviewagent.testkit.intent.QuestionIntent.STEPS;
import static dev.interviewagent.testkit.intent.QuestionIntent.SUMMARY_CHECK;
import static dev.interviewagent.testkit.intent.QuestionIntent.SURPRISE;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The English rule table. Rows are tried top to bottom and the first match wins, so each row sits below every row
 * whose phrasing is more specific than its own. The comments say why a row sits where it does.
 *
 * <p>Patterns see normalised text (see {@link IntentRule}); {@code <q>} stands for anything quoted.
 */
final class EnglishRules {

    /** Confirmation of the interviewer's own reading ("Is that right?", "Did I get these right?"). */
    private static final String[] CONFIRMS = {
            "^(so,? )?(is|was) (that|this) (right|correct|accurate|fair|it)\\b",
            "^(so,? )?(that's|that is) (right|correct)\\b", "^(right|correct|fair|accurate|true)\\?*$",
            "\\b(have|did) i (got|get|understand|capture|captured) (that|this|these|it|them|"
                    + "you)( \\w+)? (right|correctly)\\b",
            "\\bgot (that|this|it) right\\b", "\\bhave i understood (you|that|this|it)\\b",
            "\\b(am i|are we) (understanding|reading|hearing) (you|that|this|it) (correctly|right)\\b",
            "\\bdoes (that|this) (sound right|capture it|sum it up|match)\\b", "\\bdoes this match what you meant\\b",
            "\\bis anything (wrong|missing)\\b", "\\b(does|did) (this|that|it) (reflect|capture)\\b",
    };

    static final RuleTable TABLE = new RuleTable(List.of(
            // The member check: a numbered list of insights plus a 1–4 rating. The list may hold any word
            // ("mistake", "newcomer"), so this row goes first; a rating from 1 to 4 is asked nowhere else.
            when(MEMBER_CHECK,
                    "\\b1\\s*(to|-|–|—)\\s*4\\b", "\\b1 \\(\\w+\\) to 4\\b", "\\bout of (4|four)\\b",
                    "\\b(rate|rating|score)\\b.{0,40}\\b(one|1)\\b.{0,12}\\b(four|4)\\b"),
            // An LLM's member check without the rating: a numbered list, then a confirmation.
            when(MEMBER_CHECK, CONFIRMS).afterLead("(?ms)^1[.)] .*^2[.)] "),

            // A summary check paraphrases one answer and asks to confirm it. The paraphrase ("the essence is “…”",
            // "the main point") would read as ESSENCE or PRINCIPLE, so this row sits above them.
            when(SUMMARY_CHECK, CONFIRMS),
            when(SUMMARY_CHECK,
                    "\\bis that the (key|main|central|core) (point|idea|message|thing|takeaway)\\b",
                    "\\bwould you put it (that|this) way\\b",
                    "\\bif i('ve)? (understood|understand|got it|heard you)\\b",
                    "\\b(is|was) (that|this) a fair (summary|reading|way to put it)\\b",
                    "\\bmost important thing in what you( \\w+)? (told|said|described|shared)\\b",
                    "\\b(the )?one key (point|takeaway|thing|message) (here|in that)\\b",
                    "\\b(main|key|central) (point|takeaway|message|idea)\\b.{0,12}<q>",
                    "\\b(gist|heart of it|essence is)\\b.{0,12}<q>", "\\bcheck my understanding\\b",
                    "\\byou're saying\\b", "\\bif i'm following you\\b", "\\bplay (that|it) back\\b"),

            // Session management: wrap-up, pauses, comfort, steering back. Above everything topical, because
            // "what did we not cover that a newcomer should hear" is about the interview, not about newcomers.
            when(OTHER,
                    "\\b(did|have) we (not |yet )?(miss|missed|cover|covered|skip|skipped|forget|forgot)\\b",
                    "\\bwe (haven't|have not|didn't|did not) (yet )?(cover|covered|touch|touched|talk|"
                            + "talked|discuss|discussed|get to|got to)\\b",
                    "\\bnot (yet )?covered\\b",
                    "\\banything else (you'd|you would|you want|you'd like|to add|that you|we should|i should)\\b",
                    "\\bwould you like to add\\b", "\\bshould i have asked\\b",
                    "\\b(take|like|need|want|have) (a |to take a )?(short |little |quick )?(pause|break|breather)\\b",
                    "^(a )?(pause|break)\\b", "\\bsomething (else )?(lighter|easier)\\b",
                    "^(shall|should|can|could) we (move on|continue|carry on|keep going|go on)\\b",
                    "\\bmove (on )?to (another|a different|something|the next) (topic|subject|area|question)\\b",
                    "\\b(comfortable|happy|easier) (sharing|talking|discussing|to share|to talk|to discuss)\\b",
                    "\\bfeels? (easier|more comfortable|lighter)\\b", "\\bmore comfortable\\b", "\\banother angle\\b",
                    "\\bin general terms\\b", "\\bbetter way in\\b",
                    "\\bwho (usually|normally|typically) (handles|does|owns|takes care of)\\b",
                    "\\bwhich part (of this )?(do you handle|is closer)\\b", "\\bcloser to your (own )?work\\b",
                    "\\b(what('s| is| has| was)) your own experience\\b",
                    "\\byour own experience (been|here|with)\\b", "\\bin your own work, how does\\b",
                    "\\bhow does (this|it) go in your own work\\b", "\\bhow are you (doing|feeling)\\b",
                    "\\b(is )?(this|the) pace\\b", "\\bready to (continue|go on|carry on)\\b", "\\bask me\\b",
                    "\\b(switch|change|move) (to )?(a |the )?(different |another |new )?(topic|subject)\\b",
                    "\\bany questions (for me|before)\\b"),

            // A request to explain the respondent's own words, or to reconcile two of their statements. Above
            // the topical rows so that "what does “…” look like" is not read by what it quotes; below session
            // rows. A cue probe that quotes ("When you say “you just know”, what are you noticing?") has none of
            // these phrasings and falls through to CUE.
            when(CLARIFY,
                    "\\bwhat (exactly )?do you mean\\b", "\\bwhat did you mean\\b", "\\bmeaning what\\b",
                    "\\bwhat does (that|this|it|<q>) (really |actually )?mean\\b",
                    "\\bmeans? in your (work|case|job)\\b", "\\bwhat (exactly )?is <q>",
                    "\\bwhat does <q> look like\\b", "\\blooks? like in practice\\b", "\\bin practice\\?*$",
                    "\\bwhat (exactly|concretely) (happens|is happening|goes on)\\b", "\\bwhat happens concretely\\b",
                    "\\bmore concrete terms\\b", "\\bunpack\\b", "\\bwhat lies behind\\b",
                    "\\bwhat('s| is) behind <q>", "\\bwhat would i actually see\\b",
                    "\\bhow do (these|those|they|the two|both) fit\\b", "\\bhow does (that|this|it) fit\\b",
                    "\\bfit together\\b", "\\bwhen does each\\b", "\\bdifference between the two situations\\b",
                    "\\breconcile\\b", "\\bwhat (that|it|this|they) means?\\b", "\\bsay more about what\\b",
                    "\\bhow would you define\\b", "\\bwhen you say <q>,? what (exactly|concretely)\\b",
                    "\\bexplain what (that|it|this) looks like\\b",
                    "\\bhow do (these|those|they|the two|both)( two)? go together\\b",
                    "\\bmean (a lot of|different|many) things\\b"),
            // "Before: “…”; now: “…”. What changed?" asks to reconcile only because of what it quotes.
            when(CLARIFY, "^(so )?what changed\\?*$").afterLead("<q>"),

            // Failure rows that would otherwise read as CUE: a warning sign is a cue, but of a mistake to come,
            // and a follow-up to "Tell me about an error…" ("What finally gave it away?") is still about the error.
            when(FAILURE,
                    "\\bwarning signs?\\b", "\\bred flags?\\b",
                    "\\bhow do you (catch|spot) (it|them|that|this|a problem|problems|the problem|"
                            + "mistakes|errors)\\b",
                    "\\bcatch (a |the )?(problem|mistake|error)s? early\\b",
                    "^(tell me|describe|talk me through|think of) (about )?(a|an|the|"
                            + "one)( \\w+)? (mistake|error|failure|time (when )?(something|it|"
                            + "things) went wrong)\\b"),

            // Profile questions of the early stages. Their phrasings are narrow, and when one matches it is the
            // main ask: "Which result matters most, and how do you know you achieved it?" is ESSENCE even though
            // its tail sounds like a cue probe, so these rows sit above CUE.
            when(BACKGROUND,
                    "\\bhow long have you (been|worked|had)\\b", "\\bwhat was your (role|job|position) before\\b",
                    "\\bbefore you (became|joined|started at|took over)\\b",
                    "\\bwhen did you (first )?(start|begin) (out|working|in this|doing this)\\b",
                    "\\bhow long (were|did) you (there|at|in|work|stay)\\b", "\\bhow many years (have|had|did|of)\\b",
                    "\\byears of experience\\b", "\\b(in )?(which|what) roles\\b",
                    "\\bwhere did you (start|begin|train|learn the trade|get your start)\\b",
                    "\\bhow did you (get|end up|come|find your way) (into|in) (this|the|your)\\b",
                    "\\byour (career|background|path) (so far|to date|until now)\\b",
                    "\\b(tell me|say) (a bit |a little )?about your (background|career|path)\\b",
                    "\\bwhat did you do before\\b", "\\byour first job\\b",
                    "\\bwhich (organi[sz]ations|companies|employers)\\b", "\\byour current role\\b",
                    "\\bhave you worked (at|in|for)\\b", "\\byour training\\b",
                    "\\bhow did you (get started|start out)\\b",
                    "\\b(overview|summary) of your (career|background|path)\\b",
                    "\\byour (career|background)( \\w+){0,3} so far\\b"),
            when(MOTIVATION,
                    "\\bdr(e|a)w you\\b", "\\bdrawn to\\b",
                    "\\b(brought|led|attracted|pulled|got) you (in)?to (this|the|your) (line of )?(work|"
                            + "field|trade|profession|job|industry|craft|career)\\b",
                    "\\bgives? you energy\\b", "\\benergi[sz](es|ing|ed)\\b",
                    "\\b(pulled|drew|attracted) you (towards|toward|into|to)\\b",
                    "\\bwhat keeps you (going|coming back|in this|motivated|at it)\\b",
                    "\\bwhat (still )?(excites|motivates|inspires) you\\b",
                    "\\bdo you (still )?(genuinely |really |most )?(love|enjoy)\\b",
                    "\\b(why did you|made you) (choose|pick) (this|the|your) (work|profession|field|job|"
                            + "career|trade|line)\\b",
                    "\\bwhy did you (go into|get into|become a)\\b", "\\b(got|made) you interested\\b",
                    "\\bwhat (sparked|fuels|drives) your (interest|passion|love)\\b", "\\bpassion\\b",
                    "\\battracted you\\b", "\\bexcit(es|ed|ing)\\b",
                    "\\b(choose|chose) \\w+ as (a|your) (career|profession|job|trade)\\b", "\\bfall(en)? in love\\b",
                    "\\brewarding\\b", "\\bsatisf(ying|action)\\b", "\\bfulfil"),
            // SURPRISE above ESSENCE: "what do people outside your role get wrong about it" mentions the role.
            when(SURPRISE,
                    "\\bwould surprise\\b", "\\bsurprise (an |the |most )?(outsider|people|someone|others|stranger)",
                    "\\bsurprised to (learn|hear|find)\\b", "\\boutsiders?\\b", "\\bpeople (from )?outside\\b",
                    "\\boutside (the|your|this) (industry|field|role|trade|profession|job)\\b",
                    "\\b(get|gets|got|getting) wrong about\\b", "\\bmisconceptions?\\b", "\\bmyths?\\b",
                    "\\bmisunderstand", "\\bpeople assume\\b", "\\bhard to believe\\b", "\\bshock",
                    "\\b(casual )?observer\\b", "\\bpeople (usually |often |tend to )?(get|gets) (it )?wrong\\b",
                    "\\bimagine your (work|job)\\b",
                    "\\b(usually |often )?(not|never|don't|do not) (realise|realize)\\b",
                    "\\b(visitor|guest|stranger|layperson|layman)s? (would )?find (most )?surprising\\b",
                    "\\bsurprising (to|for) (an |a )?(outsider|visitor|stranger|people|someone)\\b",
                    "\\bmost unexpected\\b", "\\bnever believe\\b"),
            when(ESSENCE,
                    "\\brename\\b.{0,30}\\b(title|role|position|job)\\b", "\\bjob title\\b", "\\bbusiness card\\b",
                    "\\bwhat (is it )?(that )?(do )?you (actually|really) (do|contribute|deliver|"
                            + "bring)\\b(?! (first|next|then|when|after|before))",
                    "\\b(outcome|result|output)s? of your (work|job|role)\\b",
                    "\\bmost important (outcome|result)\\b", "\\b(at its|at the) core\\b",
                    "\\bresults? of your work\\b", "\\bwhich result\\b", "\\bin a sentence or two\\b",
                    "\\b(role|job|work) (is )?really about\\b", "\\b(really|actually) paid for\\b",
                    "\\bwhat problem (are you there to|do you) solve\\b", "\\bjob description\\b",
                    "\\bwhat is your (job|work|role) really\\b",
                    "\\bwhat your (job|work|role) (really|actually) is\\b",
                    "\\b(heart|essence|core) of (what you do|your (job|work|role))\\b",
                    "\\byou('re| are) (really |actually )?responsible for\\b",
                    "\\b(describe|explain) (your job|your work|your role|what you do) to\\b"),

            // The critical-decision probes. CUE beats EXAMPLE ("in that case, what did you notice first?" asks
            // for the cue, not another story) and DECISION. An expectation ("What did you expect to happen
            // next?") is read as CUE: in the critical decision method expectancies belong to situation
            // assessment, which the cue probes draw out, and a respondent answers it from the same material.
            when(CUE,
                    "\\bnotic(e|ed) first\\b", "\\bfirst (thing )?(that )?(you )?notic(e|ed)\\b",
                    "\\b(did|do) you (first |actually |really )?notice\\b",
                    "\\b(are|were) you (actually |really )?noticing\\b", "\\bwhat (told|tells|tipped) you\\b",
                    "\\btipped you off\\b", "\\bgave (it|that|the \\w+) away\\b",
                    "\\bwhat did you (see|hear|smell|feel|taste|sense|spot|pick up)\\b",
                    "\\bwhat (were|are) you (looking|listening|watching) (at|for|out for)\\b",
                    "\\bwhat do you (look|listen|watch) (at|for|out for)\\b",
                    "\\b(first|earliest) (sign|signal|clue|hint|indication)\\b",
                    "\\b(caught|catches|catch) your (eye|attention)\\b", "\\b(alerted|warned) you\\b",
                    "\\bmade you (realise|realize|suspect|think)\\b",
                    "\\bhow did you (know|tell|realise|realize|spot|recognise|recognize|sense|figure)\\b",
                    "\\bhow do you know (when|that|it's|it is|whether|if)\\b", "\\bhow could you tell\\b",
                    "\\bwhat (cues|signals|signs|clues)\\b", "\\b(reacting|responding) to\\b",
                    "\\bexpect(ed|ing)? to (happen|see|find)\\b", "\\bwhat did you expect\\b",
                    "\\bwhat were you expecting\\b", "\\b(struck|hit) you\\b", "\\bstood out\\b",
                    "\\b(paying|pay|paid) attention to\\b", "\\bwhat were you (focus(s)?ing|focus(s)?ed) on\\b",
                    "\\bwhat did (it|they|the \\w+) (sound|smell|feel|taste|look) like\\b",
                    "\\bwhat (does|do) (it|they|the \\w+) (sound|smell|feel|taste) like\\b", "\\bclued you in\\b",
                    "\\bpick(ing|ed)? up on\\b", "\\b(which|what) details?\\b", "\\blook twice\\b",
                    "\\bmade you (stop|pause|look)\\b",
                    "\\bwhat (exactly )?you (smelled|smelt|heard|sensed|noticed|saw|felt)\\b",
                    "\\b(sensed|sense) (was |something )?(off|wrong)\\b", "\\bhow (did|could) you tell\\b",
                    "\\b(gut|intuition|instinct)\\w* (was |were )?(telling|saying|reacting)\\b"),
            when(DECISION,
                    "\\boptions?\\b", "\\balternatives?\\b", "\\bweigh(ed|ing)?\\b",
                    "\\b(did|do|would) you consider\\b", "\\bconsider(ed)? doing\\b",
                    "\\b(decide|decided|deciding|choose|choosing) between\\b", "\\bchoices?\\b", "\\btorn between\\b",
                    "\\bcourses? of action\\b", "\\bon the table\\b", "\\bwhat else could you have done\\b",
                    "\\bhow did you (decide|choose|make the call)\\b",
                    "\\b(what|which) (made|led) you (to )?(decide|choose|go with|pick|opt)\\b",
                    "\\bwhy did you (decide|choose|go with|pick|opt)\\b", "\\bthe decision\\b",
                    "\\brule (it|that|them) out\\b", "\\bwhat did you decide\\b",
                    "\\b(possible|available) (moves|actions|responses|routes)\\b", "\\bmoves (open|available)\\b",
                    "\\btipped the (balance|scales)\\b", "\\btrade-?offs?\\b", "\\bpros and cons\\b",
                    "\\bdid you (think about|think of|contemplate) \\w+ing\\b",
                    "\\bwhat (would|could) you have done instead\\b", "\\b(chose|choosing)\\b",
                    "\\bother ways (you|to)\\b", "\\bcould (you )?have (handled|done|approached)\\b",
                    "\\b(open|available) to you\\b", "\\bmade you go (for|with)\\b",
                    "\\b(go|went) for\\b.{0,40}\\binstead of\\b"),

            // ADVICE above NOVICE_EXPERT: "what advice would you give a newcomer" asks for advice, not a contrast.
            when(ADVICE,
                    "\\badvi(c|s)e\\b", "\\byounger self\\b", "\\bif you could go back\\b",
                    "\\b(one |a |any )?tips? (would|you'd|you would|for)\\b",
                    "\\bwhat would you (tell|say to) (a|an|your|someone|yourself|people|new)\\b",
                    "\\bwhat would you pass on\\b", "\\bpass on to\\b", "\\brecommend", "\\bguidance\\b",
                    "\\bwords of wisdom\\b", "\\bmentor(ing)?\\b",
                    "\\b(speak|talk|write) to (yourself|your younger)\\b",
                    "\\bwhat would you (stress|emphasi[sz]e)\\b",
                    "\\bwhat should (someone|a|an|new|they|people|beginners|newcomers)\\b"),
            // GROWTH above NOVICE_EXPERT: "what separates people who grow fast from those who grow slowly" is
            // about growth, though it shares "separates" with the good-versus-great question; above NUMBERS for
            // "how long does it take to get good".
            when(GROWTH,
                    "\\bturning points?\\b", "\\bmilestones?\\b", "\\b(your|their|people's) (growth|development)\\b",
                    "\\bgrows? (fast|quickly|slowly|faster|slower)\\b", "\\b(get|gets|got|getting) stuck\\b",
                    "\\bplateau", "\\b(learn|learned|learnt) (the )?(fastest|most quickly)\\b",
                    "\\bhelped you (learn|grow|improve|develop|get better)\\b", "\\baccelerat", "\\bbreakthrough\\b",
                    "\\bclick(ed)? for you\\b",
                    "\\bpracti[cs]e\\b.{0,40}\\bfirst (few|two|three|six) (months|weeks)\\b",
                    "\\bhow long (does|did) it take (you |someone |people |a \\w+ )?to (learn|master|"
                            + "get good|become|be trusted)\\b",
                    "\\bhow did you (get better|improve|develop|grow)\\b", "\\bhow has your \\w+ changed\\b",
                    "\\b(stop|stopped|stops) (improving|growing|learning|developing)\\b",
                    "\\bskills? (develop|grow|change|improve)", "\\bleap\\b", "\\bstall(s|ed)?\\b",
                    "\\bkeep (improving|growing|learning)\\b", "\\bhow did you (go|get|move|rise) from\\b",
                    "\\b(develop|grow|change|improve)\\w* over the years\\b"),
            // NUMBERS above FAILURE ("how often does that mistake happen") and STEPS ("how long does each step
            // take"); BACKGROUND has already taken "how long have you been".
            when(NUMBERS,
                    "\\bhow (often|much|many)\\b", "\\bhow long (does|did|do|would|will|is|was|can|should)\\b",
                    "\\bnumbers?\\b", "\\bfigures\\b", "\\bthe figure\\b", "\\bpercent(age)?s?\\b",
                    "\\bproportion\\b", "\\bmeasure\\b", "\\btypical values\\b", "\\bquantif",
                    "\\b(minutes|hours|days|weeks),? (or|and) (hours|days|weeks|months)\\b",
                    "\\b(roughly|approximately|about) how (much|many|long|often|big|far)\\b", "\\bfrequen(tly|cy)\\b",
                    "\\bwhat did (it|that) cost\\b", "\\bhow (big|large|far|fast|heavy|hot|cold|warm)\\b",
                    "\\bwhat share\\b", "\\bratio\\b",
                    "\\bin (kilos|kilograms|kg|grams|litres|liters|hours|minutes|days|weeks|euros|"
                            + "dollars|pounds|money)\\b",
                    "\\b(typical|average|usual) (loss|losses|cost|costs|yield|volume|amount|number|rate|share)\\b",
                    "\\bon average\\b", "\\baverage\\b",
                    "\\b(close|conversion|success|failure|error|hit|win|churn|return|scrap) rates?\\b"),
            // FAILURE above NOVICE_EXPERT: "what mistake does almost every newcomer make" asks for the mistake.
            when(FAILURE,
                    "\\bmistakes?\\b", "\\berrors?\\b", "\\b(went|go|goes|going|gone) wrong\\b",
                    "\\bfail(ure|ures|ed|s)?\\b", "\\bproblems?\\b", "\\b(screw|screwed|mess|messed) up\\b",
                    "\\bconsequences?\\b", "\\bcostliest\\b", "\\b(was|is|were|get) it fixed\\b", "\\bunnoticed\\b",
                    "\\bdisasters?\\b", "\\bruin(ed|s)?\\b",
                    "\\bwhat happens if (you|someone|they|nobody) (skip|miss|forget|ignore|get)\\b",
                    "\\b(go|goes|went|going) (bad|badly|sideways|off the rails)\\b",
                    "\\bwhat happens (down the line |next |later )?if\\b", "\\bslip-?ups?\\b", "\\bblunders?\\b",
                    "\\bpitfalls?\\b", "\\bbotch", "\\bspoil(s|ed|t)?\\b", "\\bbad (batch|batches|outcome|day)\\b"),
            // NOVICE_EXPERT above STEPS and PRINCIPLE: "what would a newcomer miss here" is a contrast even
            // though it also asks about the work and its judgement.
            when(NOVICE_EXPERT,
                    "\\bnewcomers?\\b", "\\bnovices?\\b", "\\bbeginners?\\b", "\\bjuniors?\\b", "\\btrainees?\\b",
                    "\\bnew (hire|hires|colleague|colleagues|starter|starters|recruit|recruits)\\b",
                    "\\bapprentices?\\b", "\\brookies?\\b", "\\bsomeone new\\b", "\\b(very )?first day\\b",
                    "\\bday one\\b", "\\bfirst[- ]year\\b", "\\bexperts?\\b", "\\b(less )?experienced\\b",
                    "\\bold hands?\\b", "\\bveterans?\\b", "\\bseparates? (a |the )?good\\b",
                    "\\bgood \\w+ from (a |the )?great\\b", "\\bsets? you apart\\b", "\\bautomatically\\b",
                    "\\bonce took\\b", "\\bsecond nature\\b", "\\bin your shoes\\b", "\\bfresh out of\\b",
                    "\\b(separates|distinguishes|sets apart)\\b.{0,90}\\b(excellent|great|outstanding|"
                            + "exceptional|best|brilliant)\\b",
                    "\\bsomeone with (only |little |less |a few |six |a year's |\\w+ )?(months'?|weeks'?|"
                            + "years'?)? ?experience\\b",
                    "\\b(seasoned|less seasoned)\\b",
                    "\\b(now|today)\\b.{0,60}\\bwhen you (first )?(started|began|were new|were starting)\\b"),
            // STEPS above EXAMPLE: "walk me through it" asks for the sequence, not for a story. "How did it
            // unfold?" (past) stays EXAMPLE; "how does it unfold" (present) is a process.
            when(STEPS,
                    "\\bsteps?\\b", "\\b(walk|talk|take) me through\\b", "\\bin (what )?order\\b", "\\bsequence\\b",
                    "\\bfirst, second\\b",
                    "\\bwhat (happens|comes|do you do) (first|next|then|right after|after that)\\b",
                    "\\bwhat comes (right )?after\\b", "\\bthen next\\b", "\\b(very )?first thing you do\\b",
                    "\\btypical (working |work )?day\\b", "\\b(working|work) day\\b", "\\bworkflow\\b",
                    "\\bprocess\\b", "\\broutine\\b", "\\bprocedure\\b", "\\bshadow(ing)?\\b",
                    "\\bhow does (it|this|that) (go|unfold)\\b", "\\btools?\\b", "\\btasks? (take|takes|eat|eats)\\b",
                    "\\btriggers?\\b", "\\bstages of (making|the|a|an|your)\\b",
                    "\\b(normal|usual|ordinary|typical|average) (morning|day|shift|week)\\b", "\\bhour by hour\\b",
                    "\\bwhat are the stages\\b", "\\b(morning|evening|daily|weekly) (round|routine|check)s?\\b",
                    "\\bnext thing (that happens|you do)\\b", "\\bstart of (a|your|the) (shift|day)\\b"),
            when(PRINCIPLE,
                    "\\bwhy (does|do|would|did) (that|this|it|they) work\\b",
                    "\\bwhy (do you think )?(that|this|it) (works|matters|helps)\\b", "\\bprinciples?\\b",
                    "\\brules? of thumb\\b", "\\breasoning\\b", "\\bcomes? down to\\b", "\\bboils? down to\\b",
                    "\\bsecrets?\\b", "\\btricks?\\b", "\\binsights?\\b", "\\bwritten down\\b", "\\btextbooks?\\b",
                    "\\blogic\\b", "\\bheuristics?\\b", "\\bunderlying\\b", "\\bidea behind\\b",
                    "\\bwhat makes (that|this|it) (work|the right|right)\\b",
                    "\\bwhy (is|are) (that|this|it|they) (so )?(important|right|the right)\\b",
                    "^(and |so |but )?why\\b", "\\bwhy do you (always|never|insist)\\b",
                    "\\b(general|golden|simple|basic|guiding) rules?\\b",
                    "\\brules? (you (follow|live by|use)|of yours)\\b", "\\bwhat rule\\b", "\\bthinking behind\\b",
                    "\\brationale\\b", "\\bthe why behind\\b"),
            // EXAMPLE last among the topics: a case is the most general thing a question can ask for, and many
            // specific probes are set inside a case ("in that case, what did you notice first?").
            when(EXAMPLE,
                    "\\bexamples?\\b", "\\binstances?\\b", "\\bcases?\\b", "\\boccasions?\\b", "\\bsituations?\\b",
                    "\\bincidents?\\b", "\\bepisodes?\\b", "\\bstor(y|ies)\\b",
                    "(?<!\\bat )\\b(a|one|another|particular|specific|the last|last) time\\b",
                    "\\blast happen(ed)?\\b", "\\bremember\\b", "\\brecall\\b", "\\bcomes? to mind\\b",
                    "\\bplayed out\\b", "\\brecent (task|project|job|case|batch|order)\\b", "\\bproject taught\\b",
                    "\\belegant\\b", "\\bwhat happened( next| then)?\\b", "\\bhow did it (go|turn out|unfold|end)\\b",
                    "\\bthink of a\\b", "\\b(a|one) (specific|particular|concrete|real|single) \\w+",
                    "\\b(a|one|the) moment (when|where)\\b", "\\bwhen was (it|that|this)\\b",
                    "\\b(worst|best|hardest|toughest|strangest|most memorable) (\\w+ )?(week|day|batch|"
                            + "case|moment|season|time|job|order|project)\\b",
                    "\\bhave you seen (that|this|it) happen\\b", "\\billustrat")),
            IntentRule.compile(
                    "\\banother (\\w+ )?(time|case|example|instance|occasion|situation|story|incident|episode)\\b",
                    "\\banother one like (that|this|it)\\b",
                    "\\ba (different|second) (\\w+ )?(time|case|example|instance|occasion|situation|"
                            + "story|incident|episode)\\b",
                    "\\bone more (\\w+ )?(time|case|example|instance|occasion|situation|story|incident|episode)\\b",
                    "\\bany other (\\w+ )?(times?|cases?|examples?|instances?|occasions?|situations?|"
                            + "stor(y|ies)|incidents?|episodes?)\\b",
                    "\\bother (times|cases|examples|instances|occasions|situations|stories|incidents|episodes)\\b",
                    "\\b(a|any) similar (case|example|situation|story|occasion|incident|episode)\\b"),
            Pattern.compile("^(?:(?:please|and|so|now|then|ok|okay|well|just|also|finally|first)[,]? )*"
                    + "(?:tell me|tell us|describe|walk me through|talk me through|take me through|give me|share|"
                    + "explain|help me understand|think of (?!(this|it) as)|think back|picture|imagine|recall)\\b",
                    Pattern.UNICODE_CHARACTER_CLASS));

    private EnglishRules() {
    }
}
