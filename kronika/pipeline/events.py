"""Events: who did what to whom, when and where, with a small taxonomy mapped to CAMEO codes.

One linear pass over the tokens finds triggers by Morfeusz lemma (verbs and their nominalisations,
tables precomputed below); each trigger gets a clause (the stretch of its sentence between clause
breaks), and from the clause its participants, time (from `doc._.times`), place (a place entity
after `w`/`na`/`do`) and status. Participants come from a small case-and-agreement analysis of the
clause: the phrases that name entities (names, role nouns resolved to their holders, groups standing
for their organisation, pronouns, `który`, quotes' first person) get a role from their case, their
preposition and the verb's voice; a dropped subject is taken from context. A trigger that refers back
to an earlier event (`spotkanie` after `spotkali się`) becomes a mention of that event instead of a
new one, adding its participants. Taxonomy and conventions: docs/events.md.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import takewhile
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kronika.extensions import ENTITIES, EVENTS, QUOTES, READINGS, TIMES
from kronika.pipeline.entities import PERSON_CLASSES as PERSON_NAMES
from kronika.pipeline.entities import ROLE_NOUNS
from kronika.pipeline.spans import SpanIndex
from kronika.pipeline.structure import boilerplate_mask

# ---------------------------------------------------------------- taxonomy

# type -> CAMEO code (None: a non-CAMEO kind, evaluated by its type word).
CAMEO = {
    "statement": "010",
    "appeal": "020",
    "intent_to_meet": "036",
    "consult": "040",
    "phone_call": "041",
    "visit": "042",
    "host": "043",
    "invitation": "043",
    "meeting": "044",
    "negotiation": "046",
    "praise": "051",
    "agreement": "057",
    "demand": "100",
    "criticism": "111",
    "accusation": "112",
    "threat": "130",
    "protest": "140",
    "arrest": "173",
    "attack": "180",
    "military_attack": "190",
    "election": None,
    "appointment": None,
    "resignation": None,
    "other": None,
}
# Types a later trigger may be a mention of (a `rozmowa` can be the phone call or the meeting).
CORE_TYPES = {
    "consult": {"consult", "phone_call", "meeting", "visit", "negotiation"},
    "meeting": {"meeting", "visit", "host", "intent_to_meet"},
    "negotiation": {"negotiation", "consult", "meeting"},
    "visit": {"visit"},
}
# Meeting-like types that turn into `intent_to_meet` when planned.
MEETING_TYPES = frozenset({"consult", "phone_call", "visit", "meeting", "negotiation"})

# Trigger lemmas: lemma -> type. Verbs and nouns share one table; conditions are checked in `accept`. A gerund
# (`pobicie`, `zatrzymanie`) has its verb's lemma; a noun Morfeusz also knows as a noun is listed as well.
TRIGGERS = {
    **dict.fromkeys("rozmawiać porozmawiać rozmowa konsultacja konsultować naradzać"
                    " dyskutować przedyskutować debatować omówić omawiać dyskusja debata".split(), "consult"),
    **dict.fromkeys("zadzwonić dzwonić zatelefonować telefonować".split(), "phone_call"),
    **dict.fromkeys("spotkać spotykać spotkanie zebranie narada obradować obrady posiedzenie sesja konwent zjazd"
                    " kongres konferencja zgromadzenie audiencja".split(), "meeting"),
    **dict.fromkeys("wizyta odwiedzić odwiedzać przyjechać przybyć przylecieć"
                    " odwiedziny wizytacja wizytować zwizytować przyjazd przylot przyjeżdżać przybywać".split(), "visit"),
    **dict.fromkeys("gościć".split(), "host"),
    **dict.fromkeys("zaprosić zapraszać zaproszenie".split(), "invitation"),
    **dict.fromkeys("negocjować negocjacja pertraktacja rokowanie pertraktować mediacja mediować stół".split(), "negotiation"),
    **dict.fromkeys("uzgodnić porozumieć porozumienie umowa ugoda dogadać pakt koalicja"
                    " aneks traktat kontrakt memorandum sojusz kompromis układ deklaracja list ratyfikować ratyfikacja".split(), "agreement"),
    **dict.fromkeys("zaapelować apelować apel poprosić prosić prośba zwrócić zwracać"
                    " wezwać wzywać wezwanie petycja odezwa".split(), "appeal"),
    **dict.fromkeys("żądać zażądać domagać żądanie nakazać wnosić wnieść"
                    " wniosek wnioskować wystąpić występować postulat postulować upomnieć upominać nalegać roszczenie"
                    " chcieć dochodzić interpelacja nakaz".split(), "demand"),
    **dict.fromkeys("podziękować dziękować podziękowanie pochwalić chwalić pogratulować gratulować gratulacja"
                    " poprzeć poparcie docenić wyróżnić wyróżnienie nagrodzić odznaczyć uhonorować pochwała uznanie"
                    " przeprosić przeprosiny odznaczenie".split(), "praise"),
    **dict.fromkeys("skrytykować krytykować krytyka potępić potępiać potępienie zastrzeżenie"
                    " zganić ganić napiętnować piętnować uskarżać poskarżyć sprzeciwić sprzeciwiać sprzeciw"
                    " dezaprobata oburzenie nagana zakwestionować".split(), "criticism"),
    **dict.fromkeys("zarzucić zarzucać oskarżyć oskarżać obwinić obwiniać oskarżenie zarzut skarga zawiadomienie pozew"
                    " pozwać pozywać pozwanie zaskarżyć zaskarżać doniesienie donieść zawiadomić proces odwołanie".split(), "accusation"),
    **dict.fromkeys("zagrozić grozić pogrozić groźba ultimatum"
                    " straszyć postraszyć zastraszyć zastraszać szantażować szantaż".split(), "threat"),
    **dict.fromkeys("protestować zaprotestować protest strajk strajkować pikieta pikietować demonstracja manifestacja głodówka zamieszki"
                    " zamieszka manifestować zamanifestować demonstrować starcie rozruchy rozruch blokada blokować zablokować"
                    " okupować bojkot bojkotować zbojkotować wiec marsz pochód".split(), "protest"),
    **dict.fromkeys("zatrzymać zatrzymanie aresztować aresztowanie areszt ująć złapać"
                    " zatrzymywać schwytać pojmać internować deportować deportacja ekstradować".split(), "arrest"),
    **dict.fromkeys("zaatakować atakować napaść napadać napad pobić pobicie zabić zamordować zastrzelić zabójstwo morderstwo zamach postrzelić przemoc gwałt bomba"
                    " atak zabijać mordować ugodzić pchnąć dźgnąć zadźgać zranić ranić zranienie rozbój podpalić podpalenie"
                    " strzelanina strzelać strzelić bójka bijatyka porwać porwanie uprowadzić uprowadzenie zakładnik"
                    " zgwałcić otruć udusić skatować zakatować zatłuc zdetonować wysadzić złamać uderzyć sterroryzować terroryzować"
                    " wtargnąć".split(), "attack"),
    **dict.fromkeys("zbombardować bombardować ostrzelać ostrzeliwać ostrzał nalot inwazja"
                    " ofensywa agresja interwencja zestrzelić wkroczyć walka".split(), "military_attack"),
    **dict.fromkeys("wybory wybór wybrać referendum zwyciężyć mandat prawybory".split(), "election"),
    **dict.fromkeys("powołać mianować nominować nominacja powołanie"
                    " desygnować zaprzysiąc zaprzysięgnąć zaprzysięgać zaprzysiężenie ślubowanie ślubować przysięga"
                    " stanąć wyznaczyć powierzyć awansować awans wejść inauguracja".split(), "appointment"),
    **dict.fromkeys("zrezygnować rezygnacja ustąpić dymisja zdymisjonować odwołać zrzec odejść"
                    " dymisjonować zwolnić zdjąć abdykować abdykacja pożegnać stracić usunąć".split(), "resignation"),
    **dict.fromkeys("zostać być objąć obejmować przejąć".split(), "appointment"),
    **dict.fromkeys("zdecydować zadecydować decyzja zaakceptować zaopiniować".split(), "other"),
    **dict.fromkeys("skazać uniewinnić uchwalić wyrok uchwała"
                    " uniewinnienie umorzyć uchylić unieważnić unieważnienie orzec orzeczenie zasądzić ukarać"
                    " przegłosować zatwierdzić odrzucić odesłać zakazać zawetować absolutorium uznać nałożyć"
                    " głosować zagłosować głosowanie".split(), "other"),
    # several senses: the type is chosen from the context (`SENSES`)
    **dict.fromkeys("przyjąć przyjmować opowiedzieć opowiadać ocenić oceniać skarżyć".split(), "other"),
}
# Specific CAMEO codes under a type's root (the metric compares roots): lawsuits, complaints, protest forms, ….
LEMMA_CAMEO = {
    **dict.fromkeys("skarga pozew pozwać pozywać pozwanie zaskarżyć zaskarżać proces odwołanie".split(), "115"),
    **dict.fromkeys("uskarżać poskarżyć".split(), "114"),
    **dict.fromkeys("demonstracja manifestacja manifestować zamanifestować demonstrować pikieta pikietować wiec marsz pochód".split(), "141"),
    "głodówka": "142",
    **dict.fromkeys("strajk strajkować bojkot bojkotować zbojkotować".split(), "143"),
    **dict.fromkeys("blokada blokować zablokować okupować".split(), "144"),
    **dict.fromkeys("zamieszki zamieszka rozruchy rozruch starcie".split(), "145"),
    **dict.fromkeys("deportować deportacja ekstradować".split(), "174"),
    **dict.fromkeys("porwać porwanie uprowadzić uprowadzenie zakładnik".split(), "181"),
    **dict.fromkeys("mediacja mediować".split(), "045"),
    **dict.fromkeys("przeprosić przeprosiny".split(), "055"),
    **dict.fromkeys("zdetonować wysadzić bomba".split(), "183"),
}
# Triggers that need `się` nearby (`spotkać się`, `porozumieć się`), or must not have it (`wybrać się`).
NEEDS_SIE = frozenset({"spotkać", "spotykać", "porozumieć", "dogadać", "domagać", "naradzać", "zwrócić", "zwracać",
                       "uskarżać", "poskarżyć", "sprzeciwić", "sprzeciwiać", "upomnieć", "upominać"})
# Requests: events only with what is asked for (`prosić o`, `prosić, aby`, `O to prosił`, `zwrócić się do X o`,
# `wystąpić do X o`, `wnioskować o`, `upomnieć się o`); `o godzinie` asks for nothing.
REQUESTS = frozenset({"prosić", "poprosić", "wnosić", "wnieść", "zwrócić", "zwracać", "wystąpić", "występować",
                      "wnioskować", "upomnieć", "upominać"})
NO_SIE = frozenset({"wybrać", "zatrzymać", "odwołać", "powołać", "powoływać", "zabić", "przyjechać", "wyróżnić", "odznaczyć", "zranić", "ranić",
                    "podpalić", "uchylić", "porwać", "zatrzymywać", "zwolnić", "zgromadzić", "zakazać", "umorzyć",
                    "chwalić", "pochwalić", "zdecydować", "zadecydować", "chcieć"})  # `chwali się`: boasts
# Decisions (`Sejm zdecydował`, `kurator zaakceptował`): only by a deciding body or an office holder.
DECIDE = frozenset({"zdecydować", "zadecydować", "zaakceptować", "zaopiniować", "decyzja"})
# Aspect partners: a verb outside the table stands for its partner in it. Borrowed `-ować` verbs pair with a purely
# perfective prefix (`kwestionować`/`zakwestionować`); secondary imperfectives drop their suffix
# (`unieważniać`/`unieważnić`, `skazywać`/`skazać`).
PERFECTIVE_PREFIXES = ("za", "z", "s", "po", "wy", "prze")
IMPERFECTIVE_SUFFIXES = (("ywać", "ać"), ("iwać", "ać"), ("iać", "ić"), ("ać", "ić"))
# Verbs that lodge or send a motion, a complaint, a notice (`złożył wniosek`, `skierował zawiadomienie`).
MOTION_VERBS = frozenset({"złożyć", "składać", "skierować", "kierować", "wystąpić", "zgłosić", "wnieść", "wnosić", "wpłynąć",
                          "przesłać", "wysłać", "trafić"})
# Nouns that are events only with a verb of doing (`podpisać umowę`, `postawić zarzut`): 4 words before, 2 after.
SIGNING = frozenset({"podpisać", "zawrzeć", "parafować", "podpisywać", "zawierać", "ratyfikować", "sfinalizować", "wynegocjować"})
NEEDS_VERB = {
    "umowa": SIGNING,
    "ugoda": SIGNING,
    "aneks": SIGNING,
    "traktat": SIGNING,
    "kontrakt": SIGNING,
    "memorandum": SIGNING,
    "układ": SIGNING,
    "deklaracja": SIGNING,
    "sojusz": SIGNING | {"zawiązać"},
    "kompromis": frozenset({"osiągnąć", "zawrzeć", "wypracować", "dojść", "osiągnięcie"}),
    "zarzut": frozenset({"postawić", "przedstawić", "usłyszeć", "stawiać"}),
    "nakaz": frozenset({"wydać", "wydawać", "wystawić", "otrzymać", "dostać", "doręczyć"}),  # not `mimo nakazu ograniczenia`
    "areszt": frozenset({"trafić", "aresztować", "zastosować", "osadzić", "tymczasowy", "umieścić"}),
    "pakt": frozenset({"podpisać", "zawrzeć", "podpisanie", "przypieczętować"}),
    "koalicja": frozenset({"zawrzeć", "przypieczętować", "podpisać", "zawiązać", "utworzyć"}),
    "bomba": frozenset({"podłożyć", "zdetonować", "wybuchnąć", "podkładać"}),
    "skarga": MOTION_VERBS | {"wystosować"},
    "zawiadomienie": MOTION_VERBS | {"przestępstwo"},
    "pozew": MOTION_VERBS | {"wytoczyć"},
    "interpelacja": MOTION_VERBS | {"wystosować"},
    "proces": frozenset({"wytoczyć"}),
    "zastrzeżenie": frozenset({"mieć", "zgłosić", "zgłaszać", "wnieść"}),
    "wyrok": frozenset({"zapaść", "wydać", "ogłosić", "prawomocny", "skazujący", "uniewinniający", "usłyszeć", "utrzymać",
                        "sąd", "trybunał"}),
    "uchwała": frozenset({"przejść", "przyjąć", "podjąć", "uchwalić", "przegłosować"}),
    "orzeczenie": frozenset({"wydać", "zapaść", "ogłosić"}),
    "absolutorium": frozenset({"udzielić", "udzielać", "otrzymać", "uzyskać", "dostać"}),
    "prośba": frozenset({"spełnić", "zwrócić", "wystosować"}),
    "petycja": frozenset({"złożyć", "skierować", "wystosować", "podpisać", "przekazać", "wręczyć", "wysłać", "napisać"}),
    "odezwa": frozenset({"wystosować", "wydać", "opublikować", "ogłosić"}),
    "roszczenie": frozenset({"zgłosić", "wysunąć", "złożyć", "zgłaszać", "wysuwać"}),
    "gwałt": frozenset({"dopuścić", "dokonać", "popełnić"}),
    "uznanie": frozenset({"wyrazić", "wyrażać"}),
    "wyróżnienie": frozenset({"przyznać", "otrzymać", "wręczyć", "dostać", "zdobyć", "przyznawać"}),
    "sprzeciw": frozenset({"wyrazić", "wyrażać", "zgłosić", "zgłaszać", "wnieść", "wnosić", "złożyć"}),
    "dezaprobata": frozenset({"wyrazić", "wyrażać"}),
    "oburzenie": frozenset({"wyrazić", "wyrażać"}),
    "nagana": frozenset({"udzielić", "otrzymać", "dostać", "ukarać"}),
    **dict.fromkeys(("ślubowanie", "ślubować"), frozenset({"złożyć", "składać"})),
    "przysięga": frozenset({"złożyć", "składać"}),
    "przeprosiny": frozenset({"złożyć", "opublikować", "zamieścić", "wystosować"}),
    "zakładnik": frozenset({"wziąć", "przetrzymywać", "uwięzić", "porwać"}),
    "debata": frozenset({"odbyć", "zorganizować", "przeprowadzić", "toczyć", "rozgorzeć", "odbywać", "rozpocząć", "zacząć"}),
    "dyskusja": frozenset({"odbyć", "zorganizować", "przeprowadzić", "toczyć", "rozgorzeć", "wywiązać", "odbywać",
                           "rozpocząć", "zacząć"}),
    "decyzja": frozenset({"podjąć", "podejmować", "wydać", "wydawać", "zapaść"}),
    "odznaczenie": frozenset({"wręczyć", "wręczać", "przyznać", "nadać", "otrzymać", "odebrać"}),
}
# Attack words that are a military attack with soldiers, weapons of war or countries as actors.
CAN_BE_MILITARY = frozenset({"atak", "zaatakować", "atakować", "napaść", "napadać", "starcie"})
# Words that make an attack or a clash verbal.
VERBAL = frozenset(
    "słowny słownie werbalny medialny personalny wywiad wypowiedź artykuł felieton krytyka publicznie debata"
    " telewizyjny dyskusja polemika".split()
)
# Threats and requests: the trigger nouns they name are what is threatened or asked for, not events
# (`zagrozili strajkiem`, `wniosek o areszt`).
THREATS = frozenset({"grozić", "zagrozić", "pogrozić", "straszyć", "postraszyć"})
# Verbs of travel are visits only with a destination (and a person or organisation travelling).
TRAVEL = frozenset({"przyjechać", "przybyć", "przylecieć", "przyjazd", "przylot", "przyjeżdżać", "przybywać"})
# `zostać prezesem`, `objąć stanowisko`: an appointment only with a function noun.
OFFICE_NOUNS = frozenset(
    "prezydent wiceprezydent premier wicepremier minister wiceminister podsekretarz sekretarz marszałek wicemarszałek"
    " prezes wiceprezes przewodniczący przewodnicząca wiceprzewodniczący wiceprzewodnicząca kierownik kierowniczka dyrektor dyrektorka szef szefowa"
    " burmistrz wójt starosta wicestarosta wojewoda wicewojewoda komendant naczelnik rzecznik doradca zastępca członek"
    " ambasador kanclerz skarbnik sołtys prokurator sędzia radny poseł senator".split()
)
POST_NOUNS = frozenset({"stanowisko", "funkcja", "urząd", "teka", "kierownictwo", "posada", "fotel", "mandat",
                        "władza", "ster", "dowództwo", "prezesura", "resort", "przewodnictwo", "szefostwo"})
LEAVE_FROM = frozenset({"praca", "stanowisko", "funkcja", "urząd", "rząd", "zarząd", "teka"})
# Other words a trigger needs near it: lemma -> ((words, before, after), ...), every one within its window.
MEETING_VERBS = frozenset({"odbyć", "odbywać", "zorganizować", "zwołać", "uczestniczyć", "obradować", "otworzyć",
                           "rozpocząć", "zakończyć", "walny", "nadzwyczajny", "udział", "organizować"})
ROADS = frozenset("droga trasa ulica skrzyżowanie rondo tor torowisko przejście most wjazd granica autostrada szosa przejazd".split())
BUILDINGS = frozenset("budynek gmach siedziba urząd ministerstwo sala kopalnia zakład biuro starostwo ratusz magistrat hala".split())
PROTEST_CUES = frozenset({"protestacyjny", "przeciw", "przeciwko", "sprzeciw", "protest", "protestujący", "milczenie", "poparcie"})
WEAPONS = frozenset("nóż nożyk siekiera tasak ostrze szkło butelka kij pręt maczeta bagnet sztylet szpikulec śrubokręt nożyczki".split())
BLUNT = WEAPONS | frozenset("kolba pięść pałka młotek łom cegła kastet kamień rura karabin pistolet".split())
ASSAILANTS = frozenset("terrorysta napastnik bandyta uzbrojony zamaskowany bojówkarz rebeliant porywacz".split())
MILITARY = frozenset(
    "wojsko armia lotnictwo rakietowy rakieta czołg artyleria artyleryjski żołnierz zbrojny samolot śmigłowiec myśliwiec"
    " bombowiec dywizja pułk batalion wojskowy militarny partyzant rebeliant bojownik okręt desant front nato".split()
)
COURTS = frozenset({"sąd", "sędzia", "trybunał", "kolegium", "nsa", "wsa", "prokurator", "wojewoda"})
# Council and court decisions: what is adopted, rejected, approved or quashed.
DECISIONS = frozenset(
    "uchwała ustawa budżet projekt rezolucja sprawozdanie statut regulamin program strategia plan poprawka"
    " nowelizacja wniosek weto decyzja wyrok zarządzenie rozporządzenie taryfa stawka kandydatura absolutorium"
    " skarga apelacja kasacja protest postanowienie orzeczenie".split()
)
ADOPTED = frozenset(
    "uchwała ustawa budżet projekt rezolucja sprawozdanie statut regulamin program strategia plan poprawka nowelizacja".split()
)
NEEDS_NEAR = {
    **dict.fromkeys(("dyskutować", "przedyskutować", "debatować", "omówić", "omawiać"), ((frozenset({"z", "ze"}), 0, 5),)),
    **dict.fromkeys(("kongres", "konferencja", "zgromadzenie"), ((MEETING_VERBS, 4, 3),)),
    "stół": ((frozenset({"okrągły"}), 1, 0),),
    **dict.fromkeys(("wezwać", "wzywać", "wezwanie"), ((frozenset({"do"}), 0, 6),)),
    "doniesienie": ((frozenset({"złożyć", "skierować", "przestępstwo", "prokuratura", "policja"}), 4, 4),),
    "odwołanie": ((frozenset({"od"}), 0, 1),),  # `odwołanie od decyzji`: an appeal against it (not `odwołanie koncertu`)
    **dict.fromkeys(("donieść", "zawiadomić"), ((frozenset({"prokuratura", "policja", "sąd", "organ", "rzecznik", "nik"}), 0, 5),)),
    **dict.fromkeys(("blokada", "blokować", "zablokować"), ((ROADS, 3, 4),)),
    "okupować": ((BUILDINGS, 2, 4),),
    **dict.fromkeys(("wiec", "marsz", "pochód"), ((PROTEST_CUES, 2, 4),)),
    **dict.fromkeys(("ugodzić", "pchnąć"), ((WEAPONS, 3, 3),)),
    "uderzyć": ((BLUNT, 0, 4),),  # `uderzył ją kolbą karabinu`, not `uderzył głową o schody`
    "wtargnąć": ((ASSAILANTS, 4, 4),),  # `do szkoły wtargnęli terroryści`
    **dict.fromkeys(("strzelać", "strzelić"), ((frozenset({"do"}), 0, 3),)),
    "interwencja": ((MILITARY, 3, 3),),
    "wkroczyć": ((MILITARY, 6, 6),),
    "stanąć": ((frozenset({"czoło"}), 4, 2),),
    **dict.fromkeys(("wyznaczyć", "awansować", "awans"), ((frozenset({"na"}), 0, 3), (OFFICE_NOUNS | POST_NOUNS, 0, 6))),
    "list": ((frozenset({"intencyjny"}), 0, 1), (SIGNING, 4, 3)),
    "powierzyć": ((POST_NOUNS | {"kierowanie", "obowiązek", "misja"}, 4, 4),),
    "zwolnić": ((OFFICE_NOUNS | LEAVE_FROM | {"posada"}, 0, 5),),
    **dict.fromkeys(("zdjąć", "pożegnać", "stracić", "usunąć"), ((POST_NOUNS | {"zarząd", "fotel"}, 0, 5),)),
    "uznać": ((frozenset({"winny", "winna", "winien", "niewinny"}), 0, 5),),
    "nałożyć": ((frozenset({"kara", "grzywna"}), 0, 4),),
    "wysadzić": ((frozenset({"powietrze"}), 0, 4),),
    "walka": ((MILITARY | {"uliczny", "ciężki", "zacięty", "krwawy", "zbrojny"}, 3, 3),),
    "uchylić": ((DECISIONS | {"areszt", "immunitet", "nakaz", "kara", "zakaz", "przepis"}, 4, 4),),
    **dict.fromkeys(("zatwierdzić", "odrzucić"), ((DECISIONS, 4, 4),)),
    "odesłać": ((frozenset({"akta", "akt", "sprawa"}), 0, 3),),
    **dict.fromkeys(("głosować", "zagłosować", "głosowanie"), ((DECISIONS | {"nad"}, 0, 4),)),  # `głosował nad sprawozdaniem`
    **dict.fromkeys(("orzec", "zakazać"), ((COURTS, 8, 8),)),
    "dochodzić": ((frozenset({"zwrot", "odszkodowanie", "należność", "roszczenie", "zadośćuczynienie"}), 6, 3),),
}
# Words that veto a trigger near them: lemma -> (words, before, after).
POLLS = frozenset(
    "procent proc % sondaż wynosić notowanie ankieta badanie cbos obop pbs punkt elektorat ranking spaść wzrosnąć"
    " spadek wzrost cieszyć".split()
)
NOT_NEAR = {
    "poparcie": (POLLS, 6, 6),
    **dict.fromkeys(("wezwać", "wzywać", "wezwanie"), (frozenset(
        "policja pogotowie straż karetka lekarz pomoc świadek przesłuchanie komisariat stawiennictwo zapłata sąd prokuratura".split()), 0, 6)),
    "atak": (frozenset(
        "serce zima choroba astma padaczka śmiech kaszel histeria panika furia szał apopleksja alergia kolka mróz grypa"
        " epilepsja duszność migrena".split()), 1, 3),
    **dict.fromkeys(("pobić", "pobicie"), (frozenset({"rekord"}), 10, 3)),  # `rekord … sztafety … pobity`
    **dict.fromkeys(("zranić", "ranić", "zranienie"), (frozenset({"uczucie", "duma", "serce", "ambicja", "godność"}), 0, 3)),
    **dict.fromkeys(("porwać", "porwanie"), (frozenset(
        "tłum publiczność serce widownia wiatr nurt fala rzeka woda prąd".split()), 3, 3)),
    "demonstrować": (frozenset({"siła", "potęga", "możliwość"}), 0, 3),
    "ofensywa": (frozenset(
        "dyplomatyczny medialny propagandowy marketingowy handlowy inwestycyjny reklamowy wyborczy polityczny".split()), 2, 2),
    "konferencja": (frozenset({"prasowy"}), 0, 2),
    **dict.fromkeys(("dziękować", "podziękować"), (frozenset({"rozmowa", "wywiad", "uwaga"}), 0, 3)),  # `Dziękuję za rozmowę`
    "doniesienie": (frozenset({"medialny", "prasowy", "agencja", "media", "gazeta", "według", "dziennikarz"}), 3, 3),
    **dict.fromkeys(("strzelać", "strzelić"), (frozenset({"bramka", "gol", "cel", "tarcza"}), 0, 4)),
    "zwolnić": (frozenset("areszt więzienie podatek opłata obowiązek kaucja tempo ciśnienie".split()), 0, 5),
    "dochodzić": (frozenset({"do"}), 0, 1),  # `dochodziło do starć`
}
# Lemmas whose type depends on the words around them: lemma -> [(type, words, before, after, się, cameo)]; the first
# sense whose words occur within the window wins (`się`: True needs it, False forbids it, None either; words None: any);
# none: not an event.
GUESTS = frozenset({"delegacja", "gość", "ambasador", "audiencja", "delegat"})
PARLIAMENTS = frozenset({"sejm", "senat", "parlament", "europarlament", "sejmik"})
SENSES = {
    **dict.fromkeys(("przyjąć", "przyjmować"), [("other", ADOPTED, 4, 4, False, None), ("host", GUESTS, 0, 4, False, None)]),
    **dict.fromkeys(("opowiedzieć", "opowiadać"), [("praise", frozenset({"za"}), 0, 2, True, None),
                                                   ("criticism", frozenset({"przeciw", "przeciwko"}), 0, 2, True, None)]),
    **dict.fromkeys(("ocenić", "oceniać"), [
        ("criticism", frozenset({"negatywnie", "krytycznie", "surowo"}), 2, 2, None, None),
        ("praise", frozenset({"pozytywnie", "wysoko"}), 2, 2, None, None)]),
    # `wszedł w skład zarządu` (not the state `w skład wchodzą`); `wszedł do Sejmu`: elected
    "wejść": [("appointment", frozenset({"skład"}), 4, 2, None, None), ("election", PARLIAMENTS, 0, 5, None, None)],
    "gościć": [("visit", frozenset({"w", "we", "na", "u"}), 0, 1, None, None), ("host", None, 0, 0, None, None)],
    # `wystąpić do sądu`: a lawsuit; `wystąpić do X o`: a demand
    **dict.fromkeys(("wystąpić", "występować"), [("accusation", frozenset({"sąd", "trybunał"}), 0, 7, None, "115"),
                                                 ("demand", None, 0, 0, None, None)]),
    "skarżyć": [("criticism", None, 0, 0, True, "114"),
                ("accusation", frozenset({"do", "decyzja", "wyrok", "uchwała", "postanowienie"}), 0, 4, False, "115")],
}
# A decision by `przyjąć`/`przyjmować` needs a deciding body in the sentence (`Budżet zostanie przyjęty` alone is not one).
BODIES = frozenset(
    "rada radny sejm senat sejmik zarząd poseł senator parlament rząd komisja zgromadzenie sesja posiedzenie"
    " głosowanie sąd trybunał kolegium ministerstwo rajca".split()
)
DECIDERS = BODIES | OFFICE_NOUNS | {"kurator", "władza", "ministerstwo", "burmistrz", "wójt"}
# Support, not a poll figure: `wyrazić poparcie`, `udzielić poparcia` (not `poparcie dla partii wynosi 30%`).
SUPPORT_VERBS = frozenset(
    "wyrazić wyrażać udzielić udzielać zadeklarować deklarować okazać okazywać zyskać uzyskać otrzymać zdobyć"
    " dostać zapewnić zapewniać".split()
)
# `wniosek` as a motion or application (`złożył wniosek o`), not a conclusion (`doszli do wniosku`, `wnioski z kontroli`).
CONCLUSION_VERBS = frozenset({"dojść", "dochodzić", "wyciągnąć", "wyciągać", "wysnuć", "nasuwać", "płynąć", "wypływać", "przedstawić"})
# Arrests: police words near `zatrzymać`, or a person right after it.
POLICE = frozenset(
    "policja policjant policyjny funkcjonariusz prokuratura straż żandarmeria uop cbś abw antyterrorysta komenda"
    " komisariat kryminalny podejrzany areszt złodziej sprawca złodziejka".split()
)
PEOPLE = frozenset(
    "mężczyzna kobieta osoba chłopak dziewczyna nastolatek nastolatka obywatel kierowca sprawca podejrzany złodziej"
    " włamywacz bandyta napastnik przestępca diler handlarz".split()
)
# The police's detention: a court's custody after it is an event of its own.
DETENTION = frozenset({"zatrzymać", "zatrzymywać", "zatrzymanie", "ująć", "złapać", "schwytać", "pojmać"})
# `złamał jej rękę`: an injury done to someone.
BODY_PARTS = frozenset("ręka noga nos szczęka żebro kość obojczyk palec kręgosłup czaszka".split())
# `grozi mu kara`, `grozi nam katastrofa`: a penalty or a risk, not a threat.
PENALTIES = frozenset(
    "kara więzienie grzywna rok miesiąc niebezpieczeństwo zawalenie odpowiedzialność areszt pozbawienie dożywocie"
    " upadłość bankructwo likwidacja zamknięcie katastrofa powódź epidemia utrata paraliż zapaść śmierć kalectwo".split()
)
# `sesja` is a council's session with one of these words near it (not an exam session or a photo shoot).
SESSION_CUES = frozenset("rada sejmik radny ostatni nadzwyczajny absolutoryjny budżetowy pierwszy inauguracyjny"
                         " kolejny uroczysty".split())
TIMES_OF_DAY = frozenset({"godzina", "północ", "południe", "świt", "zmrok", "pora"})
PLURAL_ONLY = frozenset({"zamieszka", "rozruch", "walka"})  # `trwają walki`, not `walka z korupcją`
BODY_NOUNS = frozenset(
    "komisja zespół rada instytut spółka fundacja agencja komitet sztab grupa urząd stowarzyszenie spółdzielnia straż"
    " partia ugrupowanie organizacja towarzystwo klub związek fundusz ośrodek".split()
)
# A court's further orders right after its ruling are parts of that ruling, not decisions of their own.
RULING_PARTS = frozenset({"nałożyć", "zasądzić", "orzec", "ukarać", "zakazać"})
SINGULAR_ONLY = frozenset({"bójka", "bijatyka"})  # `doszło do bójki`, not `klepisko karczemnych bójek`
# Verbs that, as the cue of a quote, only qualify what was said (`– To wyłudzenie – orzekł sąd`, `– skarży się
# mieszkanka`): statements, not events.
SPEECH_LIKE = frozenset({"orzec", "ocenić", "oceniać", "skarżyć", "uskarżać", "poskarżyć", "ganić", "zganić", "docenić"})
MODAL = frozenset({"trzeba", "warto", "można", "należeć", "powinien", "wolno"})
# Nouns after `spotkać się z` that make it a reception, not a meeting (`spotkało się z krytyką`, `z taką sytuacją`).
RECEPTION = frozenset(
    "krytyka sprzeciw aprobata uznanie zainteresowanie odmowa reakcja odzew protest poparcie entuzjazm niechęć zrozumienie"
    " sytuacja problem przypadek zjawisko trudność opór przychylność życzliwość".split()
)
# Acts done in words: an active participle after a document does them (`rezolucja wzywająca`, `list krytykujący`).
SPEECH_ACTS = frozenset({"appeal", "demand", "criticism", "praise", "accusation", "threat"})
# Gatherings whose `w`/`na` phrase names who took part (`w spotkaniu udział wzięli X`, `w wyborach zwyciężył X`).
GATHERINGS = MEETING_TYPES | {"intent_to_meet", "host", "election", "protest"}
# `spotkało się z krytyką`, `z potępieniem`, `z protestem`: a reception, not a meeting.
REACTIONS = frozenset({"criticism", "praise", "protest"})
# Types that need at least one named participant to count.
NEEDS_PARTICIPANT = frozenset({"consult", "threat", "appointment", "resignation", "visit"})
PHONE_CUES = frozenset({"telefonicznie", "telefon", "telefoniczny"})
INTENT_WORDS = frozenset(
    "gotowość zamierzać zamiar planować zaplanować plan chcieć zapowiedzieć zapowiadać zaproponować"
    " propozycja zgodzić gotowy zapowiadany planowany zaplanowany przyszły obiecać obiecywać jutro".split()
)
ACCORDING = frozenset({"według", "zdaniem", "wedle", "w opinii", "w ocenie", "w przekonaniu"})  # quote cues, no verbs
NORMS = frozenset("przepis prawo ustawa regulamin rozporządzenie statut kodeks konstytucja procedura zasada norma".split())
PURPOSE = frozenset({"by", "aby", "żeby"})

CONDITIONS = frozenset({"gdyby", "jeśli", "jeżeli"})  # may lead a sentence whose main clause they make hypothetical
CONDITIONAL = CONDITIONS | {"jakby", "gdyż_", "czy"}  # `czy`: an open question
# Words that make a sentence a sports report (sports results are not events).
SPORT = frozenset(
    "mecz bramka gol trener piłkarz piłkarski zawodnik drużyna liga turniej sezon remis kibic boisko"
    " zespół_ siatkarz koszykarz hokeista skoczek".split()
)
SCORE = re.compile(r"\b\d{1,3}:\d{1,3}\b")
# Clause breaks: punctuation (not a hyphen inside a word, nor quotes around a name) and subordinators.
QUOTE_MARKS = frozenset({"\"", "„", "”", "“", "«", "»"})
BREAK_PUNCT = frozenset({",", ";", ":", "–", "—", "-", "\"", "„", "”", "?", "!"})
SUBORDINATORS = frozenset({"że", "który", "aby", "żeby", "by", "gdy", "kiedy", "ponieważ", "bo", "choć", "chociaż", "jeśli", "jeżeli", "gdyby", "ale", "lecz", "a", "iż"})
PLACE_PREPS = frozenset({"w", "we", "na"})
ROLE_HEADS = frozenset(
    "prezydent premier przywódca lider szef minister kanclerz król dyktator ambasador marszałek".split()
)
PARTICIPANT_TYPES = frozenset({"person", "organization"})
ACTOR_TYPES = PARTICIPANT_TYPES | {"place"}  # a place only as a country acting

# Participants: the phrases of a clause that name them, and their roles (docs/events.md "Participants").
# Bodies of people that stand for their organisation (`funkcjonariusze UOP`, `radni z PSL`); plural role nouns too.
GROUP_NOUNS = frozenset(
    "funkcjonariusz policjant żołnierz członek przedstawiciel działacz związkowiec aktywista delegacja delegat"
    " pracownik władze kierownictwo".split()
)
# Common nouns that classify the organisation named right after them (`firma Budimex`, `spółka Orlen`).
CLASSIFIERS = frozenset(
    "firma spółka koncern przedsiębiorstwo zakład fundacja stowarzyszenie partia ugrupowanie bank agencja klub"
    " dziennik gazeta tygodnik stacja telewizja radio wydawnictwo organizacja instytucja".split()
)
HONORIFICS = frozenset({"pan", "pani"})
BOTH = frozenset({"obaj", "obie", "oboje", "obu", "obydwaj", "obydwie", "obydwu"})  # + a noun: the last two people
FIRST_PERSON = frozenset({"ja", "mnie", "mi", "mną"})  # inside a quote: its speaker
# Third-person pronouns for one person: form -> (gender, case).
PRONOUNS = {"on": ("m", "nom"), "ona": ("f", "nom"), "go": ("m", "acc"), "niego": ("m", "acc"), "mu": ("m", "dat"),
            "jemu": ("m", "dat"), "niemu": ("m", "dat"), "ją": ("f", "acc"), "nią": ("f", "acc")}
# Participles used as nouns for the people an earlier event was done to (`obu zatrzymanym`, `oskarżonego`).
PATIENT_WORDS = {
    **dict.fromkeys(("zatrzymać", "zatrzymany", "aresztować", "aresztowany"), frozenset({"arrest"})),
    **dict.fromkeys(("oskarżyć", "oskarżony", "podejrzany"), frozenset({"accusation", "arrest"})),
}
# Types whose genitive after a noun trigger is the one it is done to (`zatrzymanie X`, `nominacja X`).
PATIENT_TYPES = frozenset({"arrest", "attack", "military_attack", "appointment", "election", "other"})
# Types whose `do X` names the addressee (`zadzwonić do`, `apel do`, `zaproszenie do`, `skarga do sądu`).
ADDRESSED = frozenset({"phone_call", "appeal", "invitation", "accusation", "demand"})
JUDGED = frozenset({"criticism", "praise", "accusation"})  # the author of what is judged is the target
TARGET_PREPS = frozenset({"wobec", "przeciwko", "przeciw"})
TOPIC_EVENTS, TOPIC_SENTENCES = 3, 5  # how far back a dropped subject may find the person the text is about
CATAPHORA = 5  # sentences a role noun may look ahead for its holder
CASES = ("nom", "acc", "dat", "inst", "gen", "loc")  # on a tie, the earlier case wins
CONJ = frozenset({"i", "oraz", ",", "a"})
ADJ_POS = frozenset({"adj", "ppas", "pact"})
CLAUSE_VERB_POS = frozenset({"fin", "praet", "bedzie", "inf", "impt", "pcon"})  # verbs a noun can be the object of
NOUN_POS = frozenset({"subst", "ger", "depr"})
VERB_POS = frozenset({"fin", "praet", "impt", "imps", "inf", "bedzie", "pcon", "pant", "ppas", "pact", "winien"})
NP_POS = frozenset({"subst", "adj", "adja", "ger", "depr", "num", "numcol", "ppas", "pact", "ign", "brev", "xxx"})


# ---------------------------------------------------------------- output


@dataclass(slots=True)
class Participant:
    entity: str | None
    name: str
    role: str  # source | target | co-participant

    def to_json(self) -> dict:
        return {"entity": self.entity, "name": self.name, "role": self.role}


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    text: str
    lemma: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma}


@dataclass(slots=True)
class Event:
    """One real-world event; `start`/`end` on its first trigger, later references in `mentions`."""

    type: str
    cameo: str | None
    participants: list[Participant]
    time: str | None
    place: str | None
    status: str  # occurred | intended | negated | reported (hypothetical events are left out)
    start: int
    end: int
    trigger: Trigger
    mentions: list[tuple[int, int]] = field(default_factory=list)
    quote: int | None = None  # index into doc._.quotes (statements)

    def to_json(self) -> dict[str, Any]:
        data = {
            "type": self.type,
            "cameo": self.cameo,
            "participants": [p.to_json() for p in self.participants],
            "time": self.time,
            "place": self.place,
            "status": self.status,
            "start": self.start,
            "end": self.end,
            "mentions": [{"start": a, "end": b} for a, b in self.mentions],
            "trigger": self.trigger.to_json(),
        }
        if self.quote is not None:
            data["quote"] = self.quote
        return data


@dataclass(slots=True)
class _Ref:
    """A phrase of a clause that names participants: token span, case, number, the entities it stands for."""

    start: int
    end: int
    case: str | None
    plural: bool
    entities: list[Any]
    cases: frozenset[str] = frozenset()  # every case its tags and Morfeusz readings allow
    nom_numbers: frozenset[str] = frozenset()  # not tagged nominative: the numbers Morfeusz allows it as one
    coord: bool = False  # joined to the phrase before it by `i`, `oraz` or a comma


# ---------------------------------------------------------------- finder


def _pos(tag: str) -> str:
    return tag.split(":", 1)[0]


def _genders(tag: str) -> set[str]:
    """Genders a tag allows: m1 m2 m3 f n."""
    return {g for part in tag.split(":")[1:] for g in part.split(".") if g in ("m1", "m2", "m3", "f", "n")}


def _tag_cases(tags) -> set[str]:
    """Every case the tags allow."""
    return {c for tag in tags for part in tag.split(":")[1:] for c in part.split(".") if c in CASES}


def _case(tag: str) -> str | None:
    for part in tag.split(":")[1:]:
        for c in part.split("."):
            if c in ("nom", "gen", "dat", "acc", "inst", "loc", "voc"):
                return c
    return None


class _Finder:
    def __init__(self, doc: Doc, statements: bool = False):
        self.doc = doc
        self.text = doc.text  # built once: `Doc.text` joins every token on each access
        self.statements = statements
        n = len(doc)
        tokens = [(t.lemma_.lower(), t.text.lower(), t.tag_, t.idx) for t in doc]
        columns = zip(*tokens) if tokens else ((), (), (), ())
        self.lemma, self.low, self.tag, self.idx = (list(column) for column in columns)
        self.pos = [_pos(t) for t in self.tag]
        self.skip = boilerplate_mask(doc)
        self.sent = [0] * n
        self.sent_bounds: list[tuple[int, int]] = []
        for k, s in enumerate(doc.sents):
            self.sent_bounds.append((s.start, s.end))
            for i in range(s.start, s.end):
                self.sent[i] = k
        self.entities = doc._.get(ENTITIES) or []
        # token -> (entity, mention, first token of the mention) for every entity mention
        self.ment: list[tuple[Any, Any, int] | None] = [None] * n
        self.ment_start: dict[int, tuple[int, Any, Any]] = {}
        spans = []
        for ent in self.entities:
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    spans.append((span.end - span.start, ent.type == "person", span.start, span.end, ent, m))
        # shorter mentions first, so a longer one (`rosyjskiego prezydenta` over `rosyjskiego`) wins
        for _len, _person, s, e, ent, m in sorted(spans, key=lambda x: (x[0], x[1])):
            self.ment_start[s] = (e, ent, m)
            for i in range(s, e):
                self.ment[i] = (ent, m, s)
        for s in [s for s, (e, ent, m) in self.ment_start.items() if self.ment[s][1] is not m]:
            del self.ment_start[s]
        self.readings = [rs or () for rs in doc._.get(READINGS) or [()] * n]
        self._passive_participles()
        self._table_lemmas()
        self.quotes = doc._.get(QUOTES) or []
        self.cue_starts = {q.cue.start for q in self.quotes if q.cue is not None}
        self.direct_cue_starts = {q.cue.start for q in self.quotes if q.cue is not None and q.kind == "direct"}
        self.times = sorted((t for t in (doc._.get(TIMES) or []) if t.value), key=lambda t: t.start)
        self.time_starts = [t.start for t in self.times]
        self.headings = self._date_headings()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self.quote_spans = SpanIndex((q.start, q.end, q_i) for q_i, q in enumerate(self.quotes))
        self.by_id = {e.id: e for e in self.entities}
        self.ent_starts: dict[str, list[int]] = {}
        for s in sorted(self.ment_start):
            self.ent_starts.setdefault(self.ment_start[s][1].id, []).append(s)
        self.person_starts = [(s, self.ment_start[s][1].id) for s in sorted(self.ment_start)
                              if self.ment_start[s][1].type == "person"]
        self.gender = self._person_genders()
        self.holders = self._role_holders()
        self.events: list[Event] = []
        self.sense_cameo: str | None = None  # a CAMEO code the last accepted sense gave (`SENSES`)
        self.antecedents: dict[int, list[Any]] = {}  # `który` token -> the entities it stands for

    def _passive_participles(self) -> None:
        """`zostali zatrzymani`, `zatrzymany przez policję` read by the tagger as a noun (`zatrzymany`): take the
        participle reading."""
        lemma, aux = self.lemma, ("zostać", "być")
        for i in range(len(self.doc) - 1):
            if lemma[i] in TRIGGERS or not (lemma[i + 1] in aux or lemma[i + 1] == "przez"
                                            or (i >= 1 and lemma[i - 1] in aux) or (i >= 2 and lemma[i - 2] in aux)):
                continue
            reading = next((r for r in self.readings[i] if r.pos == "ppas" and r.lemma.lower() in TRIGGERS), None)
            if reading is not None:
                self.lemma[i], self.tag[i], self.pos[i] = reading.lemma.lower(), reading.tag, "ppas"

    def _table_lemmas(self) -> None:
        """A word outside the table stands for the table's lemma of its aspect partner (`kwestionuje` for
        `zakwestionować`) or of another Morfeusz reading with its part of speech (`negocjacje` for `negocjacja`)."""
        for i, lemma in enumerate(self.lemma):
            if lemma in TRIGGERS:
                continue
            other = next((r.lemma.lower() for r in self.readings[i]
                          if r.lemma.lower() in TRIGGERS and _pos(r.tag) == self.pos[i]), None)
            self.lemma[i] = other or (_aspect_partner(lemma) if self.pos[i] in VERB_POS else None) or lemma

    # ------------------------------------------------------------ helpers

    def _date_headings(self) -> list[tuple[int, str]]:
        """(sentence, value) of the lines that are a full date alone (`14 marca 2006`), when there are several: the
        entries of a chronicle."""
        found = []
        for k, (a, b) in enumerate(self.sent_bounds):
            while b > a and (self.pos[b - 1] == "interp" or self.doc[b - 1].is_space):
                b -= 1
            inside = self.times_between(self.idx[a], self.idx[a] + 1) if b > a else []
            t = inside[0] if inside else None
            if t is not None and t.type == "DATE" and _known(t.value) and len(t.value) == 10 \
                    and t.end >= self.idx[b - 1] + len(self.low[b - 1]):
                found.append((k, t.value))
        return found if len(found) > 1 else []

    def _heading(self, i: int) -> str | None:
        """The date of the chronicle entry token i is in: its paragraph's leading date (`17 sierpnia - …`), else the
        last date line above it."""
        start = self.line_starts[bisect_right(self.line_starts, self.idx[i]) - 1]
        j = bisect_left(self.time_starts, start)
        if j < len(self.times) and self.times[j].start - start <= 2 and self.times[j].start < self.idx[i]:
            t = self.times[j]
            if _known(t.value) and any(ch.isdigit() for ch in t.text) and self.text[t.end:t.end + 3].strip()[:1] in ("-", "–"):
                return t.value
        k = bisect_left(self.headings, (self.sent[i], "")) - 1
        return self.headings[k][1] if k >= 0 else None

    def sentence_has_sport(self, k: int) -> bool:
        a, b = self.sent_bounds[k]
        if SCORE.search(self.text[self.idx[a]: self.idx[b - 1] + len(self.low[b - 1])]):
            return True
        return any(self.lemma[i] in SPORT for i in range(a, b))

    def clause(self, i: int) -> tuple[int, int]:
        a, b = self.sent_bounds[self.sent[i]]
        s = i
        while s > a and not self._break(s - 1, left=True):
            s -= 1
        e = i + 1
        while e < b and not self._break(e, left=False):
            e += 1
        return s, e

    def _break(self, j: int, left: bool) -> bool:
        t = self.low[j]
        if t in ("-", "–") and self._attached(j):
            return False  # `UOP–u`: a hyphen inside a word
        if t in QUOTE_MARKS and (self.ment[j] or self.ment[j - 1] or j + 1 in self.ment_start):
            return False  # `„Solidarność” Rolników`: quotes around a name
        if t in BREAK_PUNCT or self.doc[j].is_space:
            # a comma inside a coordination of names does not end the clause
            if t == "," and 0 < j < len(self.doc) - 1 and self.ment[j - 1] and (self.ment[j + 1] or (
                    j + 2 < len(self.doc) and self.low[j + 1] in ("i", "oraz") and self.ment[j + 2])):
                return False  # `X, Y`, and `X, prezes PZU, i Y` past an apposition
            return not (t == ":" and not left and self._lists_names(j))
        return self.lemma[j] in SUBORDINATORS and not left

    def _lists_names(self, j: int) -> bool:
        """The colon at j opens the verb's list of names (`Porozumienie podpisali: X i Y`)."""
        return 0 < j < len(self.doc) - 1 and self.pos[j - 1] in VERB_POS and j + 1 in self.ment_start

    def _attached_left(self, j: int) -> bool:
        """Token j touches the word before it (`nakazywały|by`)."""
        return j > 0 and self.idx[j - 1] + len(self.low[j - 1]) == self.idx[j]

    def _attached(self, j: int) -> bool:
        """Token j touches the words on both sides (no spaces)."""
        return 0 < j < len(self.doc) - 1 and self.idx[j - 1] + len(self.low[j - 1]) == self.idx[j] \
            and self.idx[j] + len(self.low[j]) == self.idx[j + 1]

    def near(self, i: int, words: frozenset, before: int, after: int, lemmas: bool = True) -> int | None:
        a, b = self.sent_bounds[self.sent[i]]
        seq = self.lemma if lemmas else self.low
        for j in range(max(a, i - before), min(b, i + after + 1)):
            if j != i and seq[j] in words:
                return j
        return None

    def in_quote(self, char: int):
        """(index, quote) of the first quote (in doc._.quotes order) that contains `char`, or None."""
        hits = [q_i for _, _, q_i in self.quote_spans.overlapping(char, char + 1)]
        return (min(hits), self.quotes[min(hits)]) if hits else None

    def times_between(self, start: int, end: int) -> list:
        """Time expressions starting in [start, end), in text order."""
        return self.times[bisect_left(self.time_starts, start):bisect_left(self.time_starts, end)]

    # ------------------------------------------------------------ triggers

    def accept(self, i: int) -> str | None:
        """The type of the event token i names, or None: its lemma is a trigger and its form and context fit."""
        lemma, pos = self.lemma[i], self.pos[i]
        etype = TRIGGERS.get(lemma)
        self.sense_cameo = None
        if lemma == "odwołać" and pos in VERB_POS and self.near(i, frozenset({"się"}), 4, 1, lemmas=False) is not None \
                and self.near(i, frozenset({"od"}), 4, 3) is not None:
            if self.near(i, frozenset({"nie"}), 3, 0, lemmas=False) is not None or self.near(i, MODAL, 4, 0) is not None:
                return None  # `nie odwołał się od decyzji`, `można się od niego odwołać`: no appeal was made
            self.sense_cameo = "115"  # `odwołała się od wyroku`: an appeal to a court
            return "accusation"
        if etype is None or (pos not in VERB_POS and pos not in NOUN_POS) or not self._form_fits(i, lemma, pos):
            return None
        if lemma in SENSES:
            etype = self._sense(i, lemma)
            if etype is None:
                return None
        if lemma == "mandat" and self.near(i, frozenset({"złożyć", "składać", "zrzec", "oddać"}), 3, 2) is not None:
            etype = "resignation"  # `złożył mandat`: leaving office
        if etype in SPEECH_ACTS and pos in VERB_POS and self.idx[i] in self.direct_cue_starts:
            return None  # `– Pisz! – żąda nauczyciel`: the cue of a direct quote is a statement
        if not (self._words_fit(i, lemma, pos, etype) and self._setting_fits(i, lemma, pos, etype)):
            return None
        return self._refined(i, lemma, etype)

    def _form_fits(self, i: int, lemma: str, pos: str) -> bool:
        """`się`, a verb of doing, what is asked for, the words the lemma needs or must not have near it."""
        is_verb = pos in VERB_POS and pos != "ger"
        if lemma in NEEDS_SIE and is_verb and self.near(i, frozenset({"się"}), 3, 3, lemmas=False) is None:
            return False
        if lemma in NO_SIE and (self.near(i, frozenset({"się"}), 0, 1, lemmas=False) is not None or self._clitic_sie(i)):
            return False
        if lemma in NEEDS_VERB and not (self._done(i, NEEDS_VERB[lemma])
                                        or (lemma == "decyzja" and self._by_decision(i))):
            return False
        if lemma in REQUESTS and not (self._asks_for(i, 3, 6)
                                      or (lemma in SENSES and self._sense(i, lemma) == "accusation")):  # `do sądu`
            return False
        if lemma in NEEDS_NEAR and any(self.near(i, words, before, after) is None for words, before, after in NEEDS_NEAR[lemma]):
            return False
        if lemma in NOT_NEAR and self.near(i, *NOT_NEAR[lemma]) is not None:
            return False
        if lemma in PLURAL_ONLY and not (self.plural_tag(i) or any(":pl:" in r.tag for r in self.readings[i])):
            return False  # `rozruch` (a start-up), not `rozruchy`
        if lemma in SINGULAR_ONLY and self.plural_tag(i):
            return False
        if lemma in ("powołać", "powołanie") and self._creates_body(i):
            return False  # `powołał komisję`, `komisja powołana przez radę`: a body set up, not an office taken
        if lemma in SPEECH_LIKE and self.idx[i] in self.cue_starts:
            return False
        if lemma == "poprzeć" and (self.near(i, frozenset({"głosowanie", "głos"}), 6, 6) is not None or any(
                self.pos[j] in ("num", "dig") for j in range(i + 1, min(self.sent_bounds[self.sent[i]][1], i + 4)))):
            return False  # `poparło go 40 radnych`: a vote's tally, not an endorsement
        return True

    def _clitic_sie(self, i: int) -> bool:
        """`się` right before the verb and not after another verb (`To im się chwali`; not `udało się zatrzymać`)."""
        return i >= 2 and self.low[i - 1] == "się" and self.pos[i - 2] not in VERB_POS

    def _words_fit(self, i: int, lemma: str, pos: str, etype: str) -> bool:
        """Lemma-specific conditions: participles, destinations, police, penalties, motions, deciding bodies."""
        if pos in ("ppas", "pact") and etype != "attack" and self.near(i, frozenset({"zostać", "być"}), 3, 2) is None \
                and not (pos == "ppas" and self.near(i, frozenset({"przez"}), 0, 2) is not None) \
                and not (pos == "pact" and etype in SPEECH_ACTS and i > 0 and self._modifies(i, i - 1)):
            return False  # `oskarżony`, `zatrzymany` as adjectives/nouns (but `zatrzymany przez policję`: the arrest;
            # `rezolucja wzywająca do`: the document's appeal)
        if lemma in TRAVEL:
            reach = 7 if pos in NOUN_POS else 4  # `przyjazd premiera Jana Nowaka do Gdańska`
            start = self.clause(i)[0] if pos in VERB_POS else i + 1  # `Do Gdańska przyjechał premier`
            if not any(self.lemma[j] in ("do", "na") for j in range(start, min(len(self.doc), i + reach))):
                return False
        if lemma in ("zatrzymać", "zatrzymanie", "ująć", "zatrzymywać", "schwytać", "złapać"):
            if not self._arrest_context(i):
                return False
        if lemma == "złamać" and not self._injury(i):
            return False
        if lemma in ("grozić", "zagrozić", "groźba") and (self.near(i, PENALTIES, 0, 6) or self._risk(i)):
            return False  # `grozi mu kara` is a penalty, `grozi nam katastrofa` a risk: not threats
        if lemma == "poparcie" and self.near(i, SUPPORT_VERBS, 4, 3) is None:
            return False  # `wyrazić poparcie`, not `cieszyć się poparciem` nor a poll's figure
        if lemma == "wniosek" and not self._motion(i):
            return False
        if lemma == "decyzja" and i + 1 < len(self.doc) and self.low[i + 1] == "o" and any(
                self.lemma[k] in TRIGGERS for k in range(i + 2, min(len(self.doc), i + 5))):
            return False  # `decyzję o tymczasowym aresztowaniu`: the event decided on is the event
        if lemma == "agresja" and self.near(i, MILITARY, 3, 3) is None and not self._place_after(i, 4):
            return False  # `agresja na Polskę`, not aggressive behaviour
        if etype == "other" and lemma in ("przyjąć", "przyjmować") and not self._deciding_body(i, BODIES):
            return False  # `Budżet zostanie przyjęty` alone: a forecast, no body deciding
        if lemma in DECIDE and not (self._deciding_body(i, DECIDERS) or self._office_holder_speaking(i)):
            return False  # `zdecydował się kupić`: a personal choice
        if lemma == "chcieć" and not self._wants_that(i):
            return False
        if pos in VERB_POS and etype in ("demand", "other") and self._norm_subject(i):
            return False  # `przepisy nakazują przetarg`: what a rule requires, not an act
        if lemma in DECIDE and pos in VERB_POS and not self.tag[i].endswith(":perf"):
            return False  # `o tym decydują partie`: who decides such things, not a decision
        return True

    def _setting_fits(self, i: int, lemma: str, pos: str, etype: str) -> bool:
        """Not what is asked for, inside a name, a reception, a time setting, a purpose or a title; offices named."""
        if pos in NOUN_POS and self._content_of_request(i, etype):
            return False  # `wniosek o areszt`, `zagrozili strajkiem`: what is asked for or threatened
        if pos in NOUN_POS and etype in SPEECH_ACTS and self._generic(i):
            return False  # `lista żądań`: a kind of act, no act
        if lemma == "wybrać" and self.near(i, OFFICE_NOUNS | {"na"}, 0, 4) is None:
            return False
        if lemma == "odwołać" and not any(self.ment[j] for j in range(i + 1, min(len(self.doc), i + 4))) \
                and self.near(i, frozenset({"stanowisko", "funkcja", "urząd"}), 0, 4) is None:
            return False
        if lemma in ("dzwonić", "zadzwonić", "telefonować", "zatelefonować") and self.near(i, frozenset({"do"}), 0, 3) is None:
            return False
        if self.ment[i] is not None and lemma not in ("wybory",):
            return False  # inside a name (`Porozumienie Samorządowe`)
        if lemma in ("spotkać", "spotykać") and self._reception(i):
            return False
        if lemma == "wybór" and not self.plural_tag(i):
            return False
        if lemma in ("wybory", "wybór", "prawybory") and self.governing_prep(i, max(0, i - 3)) in ("po", "przed", "z", "na", "podczas", "do", "od", "dla"):
            return False  # `po wyborach`: a time setting, not the election itself
        if pos in VERB_POS and (self.near(i, frozenset({"by", "aby", "żeby", "móc"}), 2, 0) is not None
                                or self.low[self.clause(i)[0]] in PURPOSE or self._modal(i)):
            return False  # purpose, possibility, obligation (`by wybrać`, `mogą zwyciężyć`, `nie powinno się jej ganić`)
        if self.in_title_quote(i):
            return False
        if lemma in ("zwyciężyć", "mandat") and etype == "election" and self.near(i, frozenset({"wybory", "wybór", "głos", "uzyskać", "zdobyć"}), 40, 40) is None:
            return False
        if lemma == "sesja" and self.near(i, SESSION_CUES, 3, 3) is None:
            return False
        if lemma in ("zostać", "być") and not self._takes_office(i):
            return False
        if lemma in ("objąć", "obejmować", "przejąć") and not any(
                self.lemma[j] in POST_NOUNS and not self.ment[j] for j in range(i + 1, min(self.sent_bounds[self.sent[i]][1], i + 7))):
            return False
        if lemma == "odejść" and self.near(i, LEAVE_FROM, 0, 3) is None:
            return False
        if lemma in ("zrezygnować", "rezygnacja") and not self._leaves_office(i):
            return False
        if lemma == "zrzec" and self.near(i, frozenset({"się"}), 1, 1, lemmas=False) is None:
            return False
        return True

    def _refined(self, i: int, lemma: str, etype: str) -> str:
        """Phone calls, negotiations, military attacks and verbal attacks told apart by the words near them."""
        if etype == "consult" and self.near(i, PHONE_CUES, 3, 3) is not None:
            etype = "phone_call"
        if lemma == "rozmowa" and self.pos[i] == "subst" and self.tag[i].split(":")[1] == "pl" and etype == "consult":
            etype = "negotiation" if self.near(i, frozenset({"prowadzić", "podjąć", "rozpocząć", "toczyć"}), 3, 1) else etype
        if etype == "attack" and lemma in CAN_BE_MILITARY and self.near(i, MILITARY, 8, 8) is not None:
            etype = "military_attack"  # `atak lotnictwa`, `starcia z rebeliantami`
        elif etype in ("attack", "protest") and lemma in CAN_BE_MILITARY and self.near(i, VERBAL, 4, 4) is not None:
            etype = "criticism"  # `zaatakował premiera w wywiadzie`, `słowne starcie`: words, not blows
        return etype

    def _done(self, i: int, verbs: frozenset) -> bool:
        """A noun that needs a verb of doing has one: near it (`podpisali umowę`), as the predicate it is the subject
        or the fronted object of (`Uchwała w sprawie szkoły nie przeszła`, `Skargę na wójta złożył radny`), or a date
        of its own for a document (`w aneksie z 6 maja 2002 roku`)."""
        if self.near(i, verbs, 4, 2) is not None:
            return True
        if verbs is SIGNING and i + 2 < len(self.doc) and self.low[i + 1] in ("z", "ze") and self._dated(i + 2):
            return True
        fronted = "nom" in self._cases(i) or ("acc" in self._cases(i) and i == self.clause(i)[0])
        return fronted and any(self.lemma[k] in verbs or any(r.lemma.lower() in verbs for r in self.readings[k])
                               for k in self._predicate(i))

    def _predicate(self, i: int) -> range:
        """The first verb after a subject at i in its sentence and the three words after it (`nie jest prawomocny`)."""
        b = min(self.sent_bounds[self.sent[i]][1], i + 12)
        k = next((k for k in range(i + 1, b) if self.pos[k] in VERB_POS and self.pos[k] not in ADJ_POS), None)
        return range(k, min(b, k + 4)) if k is not None else range(0)

    def _dated(self, k: int) -> bool:
        """A date with a known year starts at token k."""
        j = bisect_left(self.time_starts, self.idx[k])
        return j < len(self.times) and self.times[j].start == self.idx[k] and _known(self.times[j].value) \
            and any(ch.isdigit() for ch in self.times[j].text)

    def _takes_office(self, i: int) -> bool:
        """`został prezesem`, `Nowym kierownikiem … został X`, `prezesem będzie X` (the future of `być` only; not the
        auxiliary of `został mianowany`, nor `nadal będzie prezesem`)."""
        if self.lemma[i] == "być" and (self.pos[i] != "bedzie" or self.near(i, frozenset({"nadal", "dalej", "wciąż"}), 3, 1) is not None):
            return False
        if any(self.pos[j] == "ppas" for j in range(i + 1, min(len(self.doc), i + 3))):
            return False  # `został mianowany ambasadorem`: the participle is the event
        a, b = self.sent_bounds[self.sent[i]]
        return any(self.lemma[j] in OFFICE_NOUNS and _case(self.tag[j]) == "inst" for j in range(max(a, i - 12), min(b, i + 4)))

    def _reception(self, i: int) -> bool:
        """`spotkało się z krytyką`, `Z taką sytuacją spotkała się`: what is met is a reaction or a situation."""
        a, b = self.clause(i)
        for z in (j for j in range(a, b) if self.low[j] in ("z", "ze")):
            head = next((j for j in range(z + 1, min(b, z + 4)) if self.pos[j] in NOUN_POS), None)
            if head is not None and (self.lemma[head] in RECEPTION or TRIGGERS.get(self.lemma[head]) in REACTIONS):
                return True
        return False

    def _leaves_office(self, i: int) -> bool:
        """`zrezygnował z funkcji`, `Marszałek zrezygnuje?`, `składał rezygnację` (an office in this or the two
        sentences before); not `zrezygnował z usług`, `przewoźnik zrezygnował`."""
        b = self.sent_bounds[self.sent[i]][1]
        z = next((j for j in range(i + 1, min(b, i + 3)) if self.low[j] in ("z", "ze")), None)
        offices = OFFICE_NOUNS | POST_NOUNS | LEAVE_FROM | ROLE_NOUNS
        if z is not None:
            head = next((j for j in range(z + 1, min(b, z + 5)) if self.pos[j] in NOUN_POS), None)
            return head is not None and (self.lemma[head] in offices or self.lemma[head] in TRIGGERS or bool(self.ment[head]))
        a = self.sent_bounds[max(0, self.sent[i] - 2)][0]
        return any(self.lemma[j] in offices for j in range(a, b))

    def _creates_body(self, i: int) -> bool:
        """The object of `powołać` (after it, past adjectives) or the noun its participle describes is a body."""
        a, b = self.sent_bounds[self.sent[i]]
        k = i + 1
        while k < b and self.pos[k] in ADJ_POS:
            k += 1
        if k < b and (self.lemma[k] in BODY_NOUNS or (self.ment[k] and self.ment[k][0].type == "organization")):
            return True
        k = i - 1
        while k >= a and self.pos[k] in ADJ_POS:
            k -= 1
        return self.pos[i] == "ppas" and k >= a and self.lemma[k] in BODY_NOUNS

    def _modal(self, i: int) -> bool:
        """An obligation or possibility governs the verb (`trzeba zatrzymać`, `nie powinno się jej za to ganić`): for an
        infinitive, a modal anywhere before it in its clause; for another verb form, right before it."""
        a = self.clause(i)[0] if self.pos[i] == "inf" else max(self.sent_bounds[self.sent[i]][0], i - 2)
        return any(self.lemma[k] in MODAL for k in range(a, i))

    def _sense(self, i: int, lemma: str) -> str | None:
        """The type of a lemma with several senses (`SENSES`), or None."""
        sie = self.near(i, frozenset({"się"}), 3, 3, lemmas=False) is not None
        for etype, words, before, after, needs_sie, cameo in SENSES[lemma]:
            if needs_sie is not None and needs_sie != sie:
                continue
            if words is None or self.near(i, words, before, after) is not None:
                self.sense_cameo = cameo
                return etype
        return None

    def _asks_for(self, i: int, before: int, after: int) -> bool:
        """What a request asks for is there: `o` + a noun (not `o godzinie 12`), or `aby`/`żeby`/`by`."""
        a, b = self.sent_bounds[self.sent[i]]
        for j in range(max(a, i - before), min(b, i + after + 1)):
            if j == i:
                continue
            if self.low[j] in ("aby", "żeby", "by"):
                return True
            if self.low[j] == "o" and not (j + 1 < b and (self.lemma[j + 1] in TIMES_OF_DAY or self.low[j + 1][:1].isdigit())):
                return True
        return False

    def _motion(self, i: int) -> bool:
        """`wniosek` as a motion or an application made (`złożył wniosek`, `na wniosek X`), not a conclusion
        (`doszli do wniosku`, `wnioski z kontroli`, `przedstawił wnioski`)."""
        if self.near(i, CONCLUSION_VERBS, 4, 1) is not None or (i + 1 < len(self.doc) and self.low[i + 1] in ("z", "ze")):
            return False
        return (i > 0 and self.low[i - 1] == "na") or self.near(i, MOTION_VERBS, 4, 3) is not None

    def _place_after(self, i: int, n: int) -> bool:
        """A place or country named within n tokens after token i (`agresja na Polskę`)."""
        end = min(self.sent_bounds[self.sent[i]][1], i + n + 1)
        return any(self.ment[j] and self.ment[j][0].type in ("place", "geo") for j in range(i + 1, end))

    def _deciding_body(self, i: int, words: frozenset) -> bool:
        """A council, parliament, court (or office holder) in the sentence (a word or an organisation's name) to make a
        decision."""
        a, b = self.sent_bounds[self.sent[i]]
        return any(self.lemma[k] in words or (self.ment[k] and self.ment[k][0].type == "organization") for k in range(a, b))

    def _office_holder_speaking(self, i: int) -> bool:
        """`– Musimy zadecydować – mówi burmistrz X`: a first-person verb in the quote of someone the article gives
        an office (or of an organisation)."""
        verb = self._finite_verb(i, self.sent_bounds[self.sent[i]][0])
        speaker = self._speaker_at(i) if self._person(verb) else None
        return speaker is not None and (speaker.type == "organization" or bool(speaker.roles))

    def _wants_that(self, i: int) -> bool:
        """`komisja chce (też), by kancelaria skorygowała`: a demand, by someone else than the speaker (not `chcemy, żeby`),
        not negated and not a conditional (`chciałaby`)."""
        n = len(self.doc)
        if ":pri" in self.tag[i] or (i + 1 < n and self.pos[i + 1] == "aglt") or (i > 0 and self.low[i - 1] == "nie"):
            return False
        comma = next((j for j in range(i + 1, min(n, i + 3)) if self.low[j] == ","), None)
        if comma is None or comma + 2 >= n or self.low[comma + 1] not in PURPOSE:
            return False
        return not any(self.lemma[k] == "móc" for k in range(comma + 2, min(n, comma + 5)))  # `by mogło`: a hope

    def _by_decision(self, i: int) -> bool:
        """`Decyzją miejskich radnych pozostawiono …` (a bare instrumental) or `Mimo decyzji wojewody`, `wbrew`, `po`
        (one decision and its decider right after; not awaited or judged: `czekamy na decyzję wojewody`) names who
        decided."""
        if _case(self.tag[i]) == "inst" and (i == 0 or self.pos[i - 1] != "prep"):
            return True
        return i + 1 < len(self.doc) and not self.plural_tag(i) and self.lemma[i + 1] in DECIDERS \
            and "gen" in self._cases(i + 1) and self.governing_prep(i, max(0, i - 3)) in ("mimo", "wbrew", "po")

    def _content_of_request(self, i: int, etype: str) -> bool:
        """A noun trigger that is what a request asks for (`wniosek o odwołanie`, `apel o zakończenie strajku`), what
        a threat threatens with (`zagrozili strajkiem`) or what an accusation alleges short of a crime (`oskarżając mnie
        o szantaż`); a requested meeting stays (an intent to meet)."""
        a = self.sent_bounds[self.sent[i]][0]
        if etype in ("appeal", "demand", "threat") or etype in MEETING_TYPES:
            return etype == "threat" and self.governing_prep(i, max(a, i - 4)) == "o" and any(
                TRIGGERS.get(self.lemma[k]) == "accusation" for k in range(max(a, i - 8), i))
        if "inst" in self._cases(i) and any(self.lemma[k] in THREATS for k in range(max(a, i - 3), i)):
            return True
        if self.governing_prep(i, max(a, i - 4)) != "o":
            return False
        crimes = ("attack", "arrest", "military_attack")
        alleging = ("appeal", "demand") if etype in crimes else ("appeal", "demand", "accusation")
        return any(TRIGGERS.get(self.lemma[k]) in alleging for k in range(max(a, i - 8), i))

    def _generic(self, i: int) -> bool:
        """A plural genitive right after another noun (`lista żądań i roszczeń`): kinds of acts, not one done."""
        return i > 0 and self.plural_tag(i) and _case(self.tag[i]) == "gen" and self.pos[i - 1] in NOUN_POS

    def in_title_quote(self, i: int) -> bool:
        """Inside a short quoted title or slogan (`pod hasłem "Prezydent Lubina zaprasza"`)."""
        a, b = self.sent_bounds[self.sent[i]]
        left = [k for k in range(max(a, i - 4), i) if self.low[k] in ("\"", "“", "„", "«")]
        right = [k for k in range(i + 1, min(b, i + 4)) if self.low[k] in ("\"", "”", "»")]
        return bool(left and right) and any(self.lemma[k] in ("hasło", "tytuł", "slogan", "pod") for k in range(max(a, left[0] - 3), left[0]))

    def _geographic(self, k: int) -> bool:
        """Morfeusz knows the name's head as geographic (`Petersburgu`), whatever type NER gave it."""
        readings = self.doc._.get(READINGS)
        return bool(readings) and any("nazwa_geograficzna" in r.names for r in readings[k] or ())

    def plural_tag(self, i: int) -> bool:
        return ":pl:" in self.tag[i]

    def _norm_subject(self, i: int) -> bool:
        """A rule (`przepisy`, `ustawa`, `regulamin`) is the nominative subject of verb i in its clause."""
        a, b = self.clause(i)
        return any(self.lemma[k] in NORMS and _case(self.tag[k]) == "nom" and self.governing_prep(k, a) is None
                   for k in range(a, b))

    def _arrest_context(self, i: int) -> bool:
        """Police in this or the two sentences before, or a person (named or not) right after the verb: an arrest
        (not `zatrzymał samochód`, `złapał nóż`)."""
        a, b = self.sent_bounds[self.sent[i]]
        pa = self.sent_bounds[max(0, self.sent[i] - 2)][0]
        if any(self.lemma[j] in POLICE for j in range(pa, b)):
            return True
        return any((self.ment[j] and self.ment[j][0].type == "person") or self.lemma[j] in PEOPLE
                   for j in range(i + 1, min(b, i + 5)))

    def _injury(self, i: int) -> bool:
        """`złamał jej rękę`: a body part after the verb and someone's dative near it (not `złamał prawo`, `złamał
        nogę na nartach`)."""
        b = min(self.sent_bounds[self.sent[i]][1], i + 4)
        return any(self.lemma[j] in BODY_PARTS for j in range(i + 1, b)) and any(
            _case(self.tag[j]) == "dat" for j in range(max(0, i - 2), b) if self.pos[j] in NOUN_POS | {"ppron3", "ppron12"})

    def _risk(self, i: int) -> bool:
        """`grozi nam wybór …`: a dative pronoun and no instrumental (`grozi mu śmiercią`) after it: a risk."""
        a, b = self.sent_bounds[self.sent[i]][0], min(self.sent_bounds[self.sent[i]][1], i + 7)
        dative = any(self.pos[j] in ("ppron3", "ppron12") and _case(self.tag[j]) == "dat"
                     for j in range(max(a, i - 1), min(b, i + 3)))  # `grozi nam`, `co mi grozi`
        return dative and not any(self.pos[j] == "subst" and _case(self.tag[j]) == "inst" for j in range(i + 1, b))

    # ------------------------------------------------------------ arguments: referring phrases

    def governing_prep(self, j: int, floor: int) -> str | None:
        """The preposition of the phrase token j stands in: back over adjectives, coordination, and nouns it is
        the genitive complement of (`z delegacjami ZSL`; but `w regionie | wybory`)."""
        k, steps = j - 1, 0
        while k >= floor and steps < 6:
            if self.pos[k] == "prep" and self.low[k] != "temu":  # `dwa lata temu`: a postposition
                return self.lemma[k]
            if self.ment[k] or self.pos[k] in NOUN_POS:
                if self.low[k + 1] not in CONJ and not self._genitive_phrase(k + 1):
                    return None
                k = self.ment[k][2] if self.ment[k] else k
            elif self.pos[k] not in NP_POS and self.low[k] not in CONJ:
                return None
            k -= 1
            steps += 1
        return None

    def _genitive_phrase(self, k: int) -> bool:
        """The phrase at token k can be a genitive: every word of it can and none is tagged nominative
        (not `do tej pory | Jan Nowak`, `o tym | Pani Minister`)."""
        hit = self.ment_start.get(k)
        return all("gen" in cases and _case(self.tag[t]) != "nom"
                   for t in range(k, hit[0] if hit else k + 1) if (cases := self._cases(t)))

    def mentions_in(self, a: int, b: int) -> list[tuple[int, int, Any, Any]]:
        out = []
        j = a
        while j < b:
            hit = self.ment_start.get(j)
            if hit:
                end, ent, m = hit
                out.append((j, end, ent, m))
                j = max(end, j + 1)
            else:
                j += 1
        return out

    def refs(self, a: int, b: int) -> list[_Ref]:
        """The phrases of tokens a..b that name participants, left to right."""
        out: list[_Ref] = []
        j = a
        while j < b:
            ref = self._ref_at(j, b)
            if ref is None:
                j += 1
                continue
            ref.coord = bool(out) and out[-1].end < j and all(self.low[k] in CONJ for k in range(out[-1].end, j))
            out.append(ref)
            j = ref.end
        return out

    def _ref_at(self, j: int, b: int) -> _Ref | None:
        """The phrase starting at token j: a name, a role or group noun, a pronoun, `który`, a patient participle,
        `obaj` + a noun."""
        hit = self.ment_start.get(j)
        if hit:
            return self._ref(j, hit[0], [hit[1]])
        if self.ment[j]:
            return None
        if self.low[j] in BOTH and j + 1 < b and self.pos[j + 1] in NOUN_POS:
            return self._ref(j, j + 2, self._pair(), head=j + 1)
        lemma, pos = self.lemma[j], self.pos[j]
        if pos == "subst" and (lemma in ROLE_NOUNS or lemma in GROUP_NOUNS):
            return self._role_ref(j, b)
        hit = self.ment_start.get(j + 1) if lemma in CLASSIFIERS and pos == "subst" else None
        if hit and hit[1].type == "organization":
            return self._ref(j, hit[0], [hit[1]], head=j)  # `firma Budimex`: the name takes the noun's case
        if self.low[j] in FIRST_PERSON:
            speaker = self._speaker_at(j)
            return _Ref(j, j + 1, _case(self.tag[j]), False, [speaker] if speaker else [])
        if self.low[j] in PRONOUNS:
            gender, case = PRONOUNS[self.low[j]]
            ent = self._last_person(j, gender)
            return _Ref(j, j + 1, case, False, [ent] if ent else [])
        if lemma == "który":
            return self._relative_ref(j)
        if lemma in PATIENT_WORDS and pos in ("ppas", "adj", "subst") and (j + 1 >= b or not self._modifies(j, j + 1)):
            return self._ref(j, j + 1, self._patients(PATIENT_WORDS[lemma]))
        return None

    def _modifies(self, j: int, k: int) -> bool:
        """Token j is an adjective of the noun or name at k (`zatrzymanego mężczyznę`): they share a case."""
        return (self.pos[k] in NOUN_POS or k in self.ment_start) and bool(self._cases(j) & self._cases(k))

    def _ref(self, s: int, e: int, entities: list[Any], head: int | None = None) -> _Ref:
        """A phrase over tokens s..e (its case read from `head` alone when given)."""
        heads = [head] if head is not None else range(s, e)
        case = self._phrase_case(heads)
        noms = frozenset() if case == "nom" else frozenset(n for k in heads for n in self._nominative_numbers(k))
        allowed = frozenset(c for k in heads for c in self._cases(k))
        return _Ref(s, e, case, any(self.plural_tag(k) for k in heads), entities, allowed, noms)

    def _phrase_case(self, tokens) -> str | None:
        """The case the leading words of a phrase can all have (`Premier/gen? Adam Sosna`: nominative; the words after
        they stop agreeing are a complement), the one most of them are tagged with first, nominative first on a tie."""
        allowed: set[str] | None = None
        tagged = []
        for k in tokens:
            cases = self._cases(k)
            if not cases:
                continue
            if allowed is not None and not allowed & cases:
                break
            allowed = cases if allowed is None else allowed & cases
            tagged.append(_case(self.tag[k]))
        if not allowed:
            return None
        return max(allowed, key=lambda c: (tagged.count(c), -CASES.index(c)))

    def _nominative_numbers(self, k: int) -> set[str]:
        """Numbers of the nominative readings of token k (`przywódcy` tagged genitive: {'pl'})."""
        found = set()
        for r in self.readings[k]:
            parts = r.tag.split(":")
            if parts[0] in NOUN_POS and len(parts) > 2 and "nom" in parts[2].split("."):
                found.update(parts[1].split("."))
        return found

    def _complement_end(self, k: int, b: int) -> int:
        """End of a role noun's complement: adjectives and genitives (`prezydent Rosji`, `minister spraw zagranicznych`)."""
        while k < b:
            hit = self.ment_start.get(k)
            if hit and hit[1].type == "person":
                return k
            if hit:
                k = hit[0]
            elif self.pos[k] in ADJ_POS or (self.pos[k] == "subst" and _case(self.tag[k]) == "gen"):
                k += 1
            else:
                return k
        return k

    def _role_ref(self, j: int, b: int) -> _Ref:
        """`posłanka Anna Nowak` (the apposition's person), `przywódcy Rosji i Białorusi` (the leaders),
        `funkcjonariusze UOP` (a group: its organisation), or a bare `prezydent` (its holder in the text)."""
        end = self._complement_end(j + 1, b)
        hit = self.ment_start.get(end) if end < b else None
        if hit:
            return self._ref(j, hit[0], [hit[1]])
        leaders, leaders_end = self._leaders(j, b)
        if leaders:
            return self._ref(j, leaders_end, leaders, head=j)
        if self.lemma[j] in GROUP_NOUNS or self.plural_tag(j):
            return self._group_ref(j, b)
        if _case(self.tag[j]) == "inst":
            return self._ref(j, end, [], head=j)  # `został prezydentem`: a predicate
        holder = self.holder(j)
        return self._ref(j, end, [holder] if holder else [], head=j)

    def _group_ref(self, j: int, b: int) -> _Ref:
        """`funkcjonariusze UOP`, `radni z PSL`, `policjanci z łódzkiej komendy KWP` (past a unit): the organisation."""
        k = j + 1
        while k < b and self.pos[k] in ADJ_POS:
            k += 1
        if k < b and self.low[k] in ("z", "ze"):
            k = self._past_unit(k + 1, min(b, k + 5))
        hit = self.ment_start.get(k)
        if hit and hit[1].type == "organization":
            return self._ref(j, hit[0], [hit[1]], head=j)
        return self._ref(j, j + 1, [])

    def _past_unit(self, k: int, stop: int) -> int:
        """Past the adjectives and genitive nouns of a unit before its organisation's name (`łódzkiej delegatury`)."""
        while k < stop and (self.pos[k] == "adj" or (k not in self.ment_start and self.pos[k] == "subst"
                                                       and "gen" in self._cases(k))):
            k += 1
        return k

    def _leaders(self, j: int, b: int) -> tuple[list[Any], int]:
        """Person entities whose roles name the countries listed after a plural role noun, and the list's end."""
        found: list[Any] = []
        k = j + 1
        if self.lemma[j] not in ROLE_HEADS:
            return found, k
        while k < b and (self.ment[k] or self.low[k] in ("i", "oraz", ",") or self.pos[k] in ("adj",)):
            hit = self.ment[k]
            if hit and hit[0].type in ("place", "organization"):
                forms = {hit[1].text.lower(), hit[0].name.lower()}
                found += [e for e in self._role_mentioning(forms) if e not in found]
            k += 1
        return found, k

    def _role_mentioning(self, forms: set[str]) -> list[Any]:
        """People whose roles name one of these forms (`prezydent Rosji` for {`rosji`, `rosja`})."""
        found = []
        for ent in self.entities:
            if ent.type != "person":
                continue
            texts = [r.lower() for r in ent.roles] + [m.text.lower() for m in ent.mentions if m.kind == "role"]
            if any(any(w in r.split() for w in forms) or any(f in r for f in forms) for r in texts):
                found.append(ent)
        return found

    def _relative_ref(self, j: int) -> _Ref:
        """`który` stands for the nearest preceding person or organisation of its gender and number."""
        ref = self._ref(j, j + 1, [])
        if j not in self.antecedents:
            self.antecedents[j] = self._nearest_agreeing(j, ref.plural)
        ref.entities = self.antecedents[j]
        return ref

    def _nearest_agreeing(self, j: int, plural: bool) -> list[Any]:
        """The entities of the nearest phrase before token j in its sentence that agree with it in gender and number."""
        genders = _genders(self.tag[j])
        for prev in reversed(self.refs(self.sent_bounds[self.sent[j]][0], j)):
            ents = [e for e in prev.entities if self._agrees(e, genders)]
            if ents and prev.plural == plural:
                return ents
        return []

    def _agrees(self, ent: Any, genders: set[str]) -> bool:
        """A person of one of these genders (or unknown), or an organisation when the word is not masculine-personal."""
        if ent.type == "person":
            return self.gender.get(ent.id) in {g[0] for g in genders} | {None}
        return ent.type == "organization" and "m1" not in genders

    def _pair(self) -> list[Any]:
        """`Obaj działacze`: the two people the last event naming two people was about."""
        for ev in reversed(self.events):
            people = [self.by_id[p.entity] for p in ev.participants
                      if p.entity in self.by_id and self.by_id[p.entity].type == "person"]
            if len(people) == 2:
                return people
        return []

    def _patients(self, types: frozenset[str]) -> list[Any]:
        """`obu zatrzymanym`: the people the last event of these types that names people was done to."""
        for ev in reversed(self.events):
            people = [self.by_id[p.entity] for p in ev.participants if p.entity in self.by_id
                      and self.by_id[p.entity].type == "person"] if ev.type in types else []
            if people:
                targets = [e for e in people if any(p.entity == e.id and p.role == "target" for p in ev.participants)]
                return targets or people
        return []

    # ------------------------------------------------------------ arguments: who is meant

    def _person_genders(self) -> dict[str, str | None]:
        """Person id -> 'm'/'f' from the name words Morfeusz knows (`Tadeusz`), else None."""
        found: dict[str, set[str]] = {}
        for s, (e, ent, _m) in self.ment_start.items():
            if ent.type == "person":
                bag = found.setdefault(ent.id, set())
                for r in (r for k in range(s, e) for r in self.readings[k]):
                    if r.lemma[:1].isupper() and PERSON_NAMES.intersection(r.names):
                        bag |= {g[0] for g in _genders(r.tag)} & {"m", "f"}
        return {key: bag.pop() if len(bag) == 1 else None for key, bag in found.items()}

    def _role_holders(self) -> dict[str, list[Any]]:
        """Role noun lemma -> the people the text gives that role (`posłanka Nowak`, `Nowakowi, prezydentowi`)."""
        holders: dict[str, list[Any]] = {}

        def add(role: str, ent: Any) -> None:
            if ent not in holders.setdefault(role, []):
                holders[role].append(ent)

        for ent in self.entities:
            for role in ent.roles if ent.type == "person" else ():
                add(role.split()[0].lower(), ent)
        for s, (e, ent, _m) in self.ment_start.items():
            if ent.type == "person":
                for k in (self._role_before(s), self._role_after(e)):
                    if k is not None:
                        add(self.lemma[k], ent)
        return holders

    def _role_before(self, s: int) -> int | None:
        """`obecny marszałek - Jan Nowak`, `minister zdrowia, Anna Lis`."""
        floor = self.sent_bounds[self.sent[s]][0]
        last = s - 2 if s - 1 > floor and self.low[s - 1] in (",", "-", "–") else s - 1
        for k in range(last, max(floor, last - 3) - 1, -1):
            if self.pos[k] == "subst" and self.lemma[k] in ROLE_NOUNS:
                return k
            if self.pos[k] not in ("adj", "subst", "brev", "ign") or (self.ment[k] and self.ment[k][0].type == "person"):
                return None  # not a role's complement, or another person
        return None

    def _role_after(self, e: int) -> int | None:
        """`Janowi Nowakowi, prezydentowi Opola`, `Jana Nowaka, byłego ministra`."""
        if e >= len(self.doc) - 1 or self.low[e] != ",":
            return None
        k = e + 1
        while k < len(self.doc) - 1 and self.pos[k] == "adj":
            k += 1
        return k if self.pos[k] == "subst" and self.lemma[k] in ROLE_NOUNS else None

    def holder(self, j: int) -> Any | None:
        """The person a bare role noun means: the holder mentioned last before it, else first after it
        within a few sentences (a headline's `Minister odejdzie?`)."""
        candidates = []
        for ent in self.holders.get(self.lemma[j], ()):
            starts = self.ent_starts.get(ent.id)
            if not starts:
                continue
            k = bisect_left(starts, j)
            if k:
                candidates.append(((0, j - starts[k - 1]), ent))
            elif self.sent[starts[0]] - self.sent[j] <= CATAPHORA:
                candidates.append(((1, starts[0] - j), ent))
        return min(candidates, key=lambda c: c[0])[1] if candidates else None

    def _last_person(self, j: int, gender: str) -> Any | None:
        """The last person named before token j, within two sentences, of the given gender."""
        floor = self.sent_bounds[max(0, self.sent[j] - 2)][0]
        k = bisect_left(self.person_starts, (j, "")) - 1
        while k >= 0 and self.person_starts[k][0] >= floor:
            ent = self.by_id[self.person_starts[k][1]]
            if self.gender.get(ent.id) in (gender, None):
                return ent
            k -= 1
        return None

    # ------------------------------------------------------------ arguments: roles

    def participants(self, i: int, a: int, b: int, etype: str) -> tuple[list[Participant], bool]:
        """The clause's participants, and whether it has a subject (named or not: `minister nakazał`)."""
        parts: list[Participant] = []
        roles = self._roles(i, a, self.refs(a, b), etype)
        for ref, role in roles:
            for ent in ref.entities:
                if ent.name[:1].isupper() and all(p.entity != ent.id for p in parts):
                    parts.append(Participant(ent.id, ent.name, role))
        return parts, any(role == "source" for _, role in roles) or self._has_subject(i, a)

    def _roles(self, i: int, a: int, refs: list[_Ref], etype: str) -> list[tuple[_Ref, str]]:
        """Each phrase's role by case, preposition and voice; coordinated phrases share the role before them."""
        noun = self.pos[i] in NOUN_POS
        passive = self._passive(i)
        verb = self._verb_of_object(i, a, etype) if noun else i
        roles: list[tuple[_Ref, str | None]] = []
        last: str | None = None
        for ref in refs:
            if ref.start <= i < ref.end:
                last = None
                continue
            last = last if ref.coord else self._role(i, a, ref, etype, verb, passive)
            roles.append((ref, last))
        if verb is not None and not passive and "source" not in (r for _, r in roles) \
                and not self._has_subject(verb, a):
            roles = self._untagged_subject(verb, a, roles)
        if self.pos[i] == "ppas" and "target" not in (r for _, r in roles):
            roles += [(ref, "target") for ref in self._modified(i, a)]
        return [(ref, role) for ref, role in roles if role and all(e.type in ACTOR_TYPES for e in ref.entities)]

    def _untagged_subject(self, i: int, a: int, roles: list[tuple[_Ref, str | None]]) -> list[tuple[_Ref, str | None]]:
        """No phrase tagged nominative: the first one Morfeusz allows as a nominative of the verb's number, with
        the phrases coordinated to it (`oskarża wójt`, `przywódcy Rosji i Białorusi spotkali się`, `PSL i PiS
        podpisały`)."""
        number = self._verb_number(i, a)
        for k, (ref, role) in enumerate(roles):
            if role != "co-participant" and ref.nom_numbers and number in ref.nom_numbers | {None} \
                    and self.governing_prep(ref.start, a) is None and self._head_before(ref.start) is None:
                end = next((m for m in range(k + 1, len(roles)) if not roles[m][0].coord), len(roles))
                return roles[:k] + [(r, "source") for r, _ in roles[k:end]] + roles[end:]
        return roles

    def _verb_number(self, i: int, a: int) -> str | None:
        """'sg'/'pl' of the verb, or of the one an infinitive depends on."""
        k = self._finite_verb(i, a)
        parts = self.tag[k].split(":")
        return parts[1] if parts[0] in ("fin", "praet", "bedzie", "ppas") and len(parts) > 1 else None

    def _finite_verb(self, i: int, a: int) -> int:
        """The verb that carries the person and number of verb i: the one an infinitive depends on (`musimy
        zadecydować`; the infinitive itself when there is none), else i."""
        if self.pos[i] != "inf":
            return i
        return next((j for j in range(i - 1, a - 1, -1) if self.pos[j] in ("fin", "praet", "imps", "pred")), i)

    def _role(self, i: int, a: int, ref: _Ref, etype: str, verb: int | None, passive: bool) -> str | None:
        """source / target / co-participant of one phrase, or None; `verb`: the trigger, or the verb a noun trigger
        is the object of."""
        noun = self.pos[i] in NOUN_POS
        if ref.start > 0 and self.low[ref.start - 1] == "(":
            return None  # `(WNP)`, `(SLD)`: an alias or an affiliation
        if "jako" in self.low[max(a, ref.start - 2):ref.start]:
            return None  # `jako jedyny przedstawiciel`: a predicative
        prep = self.governing_prep(ref.start, i + 1 if ref.start > i else a)
        if ref.case == "nom" and (ref.start == 0 or self.pos[ref.start - 1] != "prep"):
            prep = None  # no preposition takes a nominative: `o tym Pani Minister Nowak`
        if any(e.type == "place" for e in ref.entities) and (prep is not None or ref.case not in ("nom", "acc")
                                                             or etype in ("visit", "meeting", "host", "invitation")
                                                             or self.pos[ref.start] == "adj"
                                                             or self._after_oblique_noun(ref.start)):
            return None  # a country acts as a bare nominative or accusative (`Rosja zaatakowała Ukrainę`), not as a place
            # nor as an adjective (`poznański oddział`) or a noun's complement (`po zakończeniu Maastricht II`)
        if prep in ("z", "ze"):  # unless of another participle (`fundusze związane z bankiem`)
            return "co-participant" if ref.case != "gen" and not self._participle_between(i, ref.start) else None
        if prep == "przez":  # the agent, unless of another participle (`polityki prowadzonej przez premiera`)
            return None if self._participle_between(i, ref.start) else "source"
        if prep in TARGET_PREPS or (prep == "dla" and noun) or (prep == "do" and etype in ADDRESSED):
            return "target"
        if prep == "od" and etype == "appointment":
            return "co-participant"  # `przejął od X stanowisko`: the predecessor
        if prep is None and not noun and etype in JUDGED and self._owner_of_object(i, ref):
            return "target"
        head = self._head_before(ref.start) if ref.case == "gen" else None
        if prep is not None or (head not in (None, i) and not head < i < ref.start):
            return None  # a setting, or a noun's complement (`szef Sejmiku`; not past a participle trigger: `rezolucja
            # wzywająca KNB`)
        if noun:
            return self._noun_role(i, ref, etype, verb)
        if ref.case == "nom":
            return "target" if passive else "source"
        return None if ref.case == "gen" and ref.start < i else "target"

    def _participle_between(self, i: int, s: int) -> bool:
        """A passive participle (by its tag or a reading) stands between trigger i and a phrase at s after it."""
        return any(self.pos[k] == "ppas" or any(r.pos == "ppas" for r in self.readings[k]) for k in range(i + 1, s))

    def _after_oblique_noun(self, s: int) -> bool:
        """Token s follows a noun that can be neither nominative nor genitive (`po zakończeniu Maastricht II`)."""
        k = s - 1
        return k >= 0 and self.pos[k] in NOUN_POS and not self.ment[k] and not self._cases(k) & {"nom", "gen"}

    def _owner_of_object(self, i: int, ref: _Ref) -> bool:
        """The genitive after the object of verb i names whose act it is (`zaskarżył uchwałę Rady Miasta`)."""
        head = self._head_before(ref.start) if "gen" in ref.cases else None
        return head is not None and head > i and "acc" in self._cases(head) \
            and not any(self.pos[k] in VERB_POS for k in range(i + 1, head))

    def _noun_role(self, i: int, ref: _Ref, etype: str, verb: int | None) -> str | None:
        """`wizyta prezydenta` (the genitive right after); `X wygrał wybory`, `postawił X-owi zarzuty` (the subject,
        and a dative after the verb the trigger is the object of)."""
        if ref.start > i and "gen" in ref.cases and self._head_before(ref.start) == i:
            return "target" if etype in PATIENT_TYPES else "source"
        if verb is None:
            return None
        if ref.case == "nom":
            return "source"
        return "target" if "dat" in ref.cases and ref.start > verb else None

    def _verb_of_object(self, i: int, a: int, etype: str) -> int | None:
        """The verb a noun trigger is the object of, when that verb is no trigger itself (`X złożył skargę`,
        `dołączyła do protestu`, `Interpelację … złożył X`), a verb of lodging it (`wystąpił z wnioskiem`), or, for a
        gathering, the verb of taking part in it (`na spotkanie przybyli X`, `w wyborach zwyciężył X`); None for a
        setting (`podczas obrad`) or the subject (`Wizyta X podniosła …`: before its verb, nominative, agreeing with
        it, no preposition)."""
        prep = self.governing_prep(i, a)
        joined = etype in GATHERINGS and prep in ("na", "w", "we")
        lodged = prep in ("z", "ze")  # `wystąpił z wnioskiem`
        if (prep not in (None, "do") and not joined and not lodged) \
                or (prep is None and not self._cases(i) & {"acc", "nom"}):  # `podpisał umowy` tagged genitive
            return None
        verb = self._governing_verb(i, a)
        if verb is None or (lodged and self.lemma[verb] not in MOTION_VERBS) \
                or (self._own_event(verb) and not lodged and not (joined and self.lemma[verb] in TRAVEL)):
            return None
        subject = "nom" in self._cases(i) and self.plural_tag(i) == self._plural_verb(verb)
        return verb if prep is not None or verb < i or not subject else None

    def _own_event(self, k: int) -> bool:
        """Verb k is a trigger of its own (`być` only as `prezesem będzie X`)."""
        return self.lemma[k] in TRIGGERS and (self.lemma[k] != "być" or self._takes_office(k))

    def _governing_verb(self, i: int, a: int) -> int | None:
        """The verb nearest before token i in its clause, else the one right after it (`do protestu dołączyła`)."""
        before = next((k for k in range(i - 1, a - 1, -1) if self.pos[k] in CLAUSE_VERB_POS), None)
        if before is not None:
            return before
        end = min(self.sent_bounds[self.sent[i]][1], i + 7)
        return next((k for k in range(i + 1, end) if self.pos[k] in CLAUSE_VERB_POS), None)

    def _head_before(self, s: int) -> int | None:
        """The noun a genitive at s depends on, past adjectives and appositions (`wizyta pana Kowalskiego`)."""
        k = s - 1
        floor = self.sent_bounds[self.sent[s]][0]
        while k >= floor and (self._adjective_of(k, s) or self.lemma[k] in HONORIFICS or self.lemma[k] in ROLE_NOUNS):
            k -= 1
        return k if k >= floor and self.pos[k] in NOUN_POS and not self.ment[k] else None

    def _adjective_of(self, k: int, s: int) -> bool:
        """Token k is an adjective (by its tag, or by a reading sharing a case with s: `obecny marszałek`)."""
        if self.pos[k] in ADJ_POS:
            return True
        return any(r.pos in ADJ_POS for r in self.readings[k]) and bool(self._cases(k) & self._cases(s))

    def _complement_after(self, i: int) -> bool:
        """A common noun in the genitive right after the trigger (`powołania komisji`): its patient, unnamed."""
        k = i + 1
        while k < len(self.doc) and self._adjective_of(k, k):
            k += 1
        return k < len(self.doc) and self.pos[k] == "subst" and not self.ment[k] and "gen" in self._cases(k)

    def _passive(self, i: int) -> bool:
        """`zostali złapani`, `zatrzymano`, `zamordowanego` (a participle)."""
        return self.pos[i] in ("ppas", "imps")

    def _modified(self, i: int, a: int) -> list[_Ref]:
        """The phrase a participle describes: `Jana Nowaka, …, zamordowanego` (same case, before it)."""
        cases = self._cases(i)
        for ref in reversed(self.refs(self.sent_bounds[self.sent[i]][0], a)):
            if ref.entities and ref.case in cases:
                return [ref]
        return []

    def _cases(self, k: int) -> set[str]:
        """Cases token k has by any Morfeusz reading (`zamordowanego` tagged accusative is genitive too), or its tag."""
        return _tag_cases(r.tag for r in self.readings[k]) or _tag_cases([self.tag[k]])

    def _has_subject(self, i: int, a: int) -> bool:
        """A nominative noun before the verb, outside a prepositional phrase and not a predicative (`jako jedyny
        przedstawiciel`): the subject is there but unnamed."""
        return any(self.pos[k] == "subst" and not self.ment[k] and _case(self.tag[k]) == "nom"
                   and self.governing_prep(k, a) is None and "jako" not in self.low[max(a, k - 4):k] for k in range(a, i))

    def place(self, i: int, a: int, b: int, etype: str) -> str | None:
        for s, e, ent, m in self.mentions_in(a, b):
            placelike = ent.type in ("place", "geo") or self._geographic(e - 1)
            if s <= i < e or not placelike or not ent.name[:1].isupper():
                continue
            prep = self.governing_prep(s, a)
            if prep is None or self._seat(s):
                continue
            if prep in PLACE_PREPS and ("loc" in self._cases(s) or _case(self.tag[s]) is None):
                return ent.name
            if prep == "do" and etype in ("visit", "invitation"):
                return ent.name
        return None

    def _seat(self, s: int) -> bool:
        """The place at s is an organisation's seat, right after its name (`Zarząd Rejonowy PCK w Gorlicach`)."""
        return s >= 2 and self.pos[s - 1] == "prep" and bool(self.ment[s - 2]) and self.ment[s - 2][0].type == "organization"

    def time(self, i: int, a: int, b: int, etype: str) -> str | None:
        ca, cb = self.idx[a], self.idx[b - 1] + len(self.doc[b - 1].text)
        inside = [t for t in self.times_between(ca, cb) if t.end <= cb]
        dated = self.doc._.get("date") is not None
        points = [t for t in inside if t.type in ("DATE", "TIME") and _known(t.value)
                  and (dated or any(ch.isdigit() for ch in t.text))]
        if not points:  # a timeline line: `15 sierpnia - spotkanie ...`
            sa = self.sent_bounds[self.sent[i]][0]
            line_start = self.times_between(self.idx[sa], self.idx[min(sa + 2, len(self.doc) - 1)] + 1)
            points = [t for t in line_start if t.type in ("DATE", "TIME") and _known(t.value)
                      and any(ch.isdigit() for ch in t.text) and t.start < self.idx[a]]
        if etype == "intent_to_meet":
            for t in inside:
                if t.type == "DURATION" and re.search(r"w ciągu|w przeciągu|przez najbliższ", t.text, re.I):
                    sa = self.idx[self.sent_bounds[self.sent[i]][0]]
                    anchors = [p for p in self.times_between(sa, t.start) if p.type in ("DATE", "TIME") and _known(p.value)]
                    anchor = _date_part(anchors[-1].value) if anchors else (self.doc._.get("date").isoformat() if self.doc._.get("date") else None)
                    return f"{anchor}/{t.value}" if anchor else t.value
        if not points:
            return self._heading(i)
        if len(points) >= 2:
            first, last = points[0], points[-1]
            between = self.text[first.end:last.start].strip().lower()
            if between in ("i", "oraz", "-", "–", "do", "a") and first.value != last.value:
                return f"{_date_part(first.value)}/{_date_part(last.value)}"
        tpos = self.idx[i]
        best = min(points, key=lambda t: abs(t.start - tpos))
        return best.value

    def status(self, i: int, a: int, b: int, etype: str) -> str:
        """negated, hypothetical (a condition: `Jeśli minister znów unieważni`), intended, reported or occurred."""
        if any(self.low[k] == "nie" for k in range(max(a, i - 3), i)):
            return "negated"
        if any(self.low[k] in CONDITIONAL for k in range(a, b)) or any(
                self.low[k] == "by" and (k < i or self._attached_left(k)) for k in range(max(a, i - 2), min(len(self.doc), i + 3))):
            return "hypothetical"  # `gdyby`, `by wygrać`, the conditional `nakazywałyby`
        sa = self.sent_bounds[self.sent[i]][0]
        if any(self.low[k] in CONDITIONS for k in range(sa, min(a, sa + 3))):
            return "hypothetical"  # the main clause after a leading condition: `Bo jeśli dom się nie zawali, zabije mnie grzyb`
        if self._intended(i, a, b) or (etype in MEETING_TYPES and self.pos[i] in NOUN_POS
                                       and any(self._future(k) for k in range(i + 1, b))):
            return "intended"  # `Udział w konferencji będzie okazją`, `Na spotkaniu omówią …`: a gathering to come
        if self.in_quote(self.idx[i]):
            return "reported"
        return "occurred"

    def _intended(self, i: int, a: int, b: int) -> bool:
        if self.pos[i] == "bedzie" or (self.pos[i] == "fin" and self.tag[i].endswith(":perf")):
            return True
        if any(self.pos[k] == "bedzie" or (self.lemma[k] == "zostać" and self.pos[k] == "fin")
               for k in range(max(a, i - 3), i)):
            return True
        if any(self._scheduled(k, a, i) for k in range(max(a, i - 5), i)):
            return True
        if self.pos[i] in NOUN_POS and any(self._future(k) for k in range(a, i)):
            return True  # `dowiemy się po sesji`: a noun in a clause about the future
        # `planuje spotkanie`, `spotkanie zapowiadane jest na …`, `negocjacje … obiecała`
        return any(self.lemma[k] in INTENT_WORDS for k in range(max(a, i - 5), i)) or any(
            self.lemma[k] in INTENT_WORDS and self.pos[k] in ADJ_POS | CLAUSE_VERB_POS for k in range(i + 1, min(b, i + 6)))

    def _future(self, k: int) -> bool:
        """Token k is a future verb: `będzie`, or a perfective present (`dowiemy się`)."""
        return self.pos[k] == "bedzie" or (self.pos[k] == "fin" and self.tag[k].endswith(":perf"))

    def _scheduled(self, k: int, a: int, i: int) -> bool:
        """`ma` with an infinitive next to it (`projekt ma trafić pod obrady`, `mają się spotkać`): what is to happen."""
        if self.lemma[k] != "mieć" or self.pos[k] != "fin":
            return False
        return any(self.pos[j] == "inf" for j in range(max(a, k - 2), min(len(self.doc), k + 3)) if j <= i)

    # ------------------------------------------------------------ main pass

    def run(self) -> list[Event]:
        events = self.events
        last_meeting: Event | None = None
        sport_cache: dict[int, bool] = {}
        prev_event_in_sentence: dict[int, Event] = {}
        n = len(self.doc)
        i = 0
        while i < n:
            if self.skip[i] or self.lemma[i] not in TRIGGERS:
                i += 1
                continue
            etype = self.accept(i)
            if etype is None:
                i += 1
                continue
            sense_cameo = self.sense_cameo
            k = self.sent[i]
            if k not in sport_cache:
                sport_cache[k] = self.sentence_has_sport(k)
            if sport_cache[k]:
                i += 1
                continue
            a, b = self.clause(i)
            status = self.status(i, a, b, etype)
            if status == "hypothetical":
                i += 1
                continue
            base = etype  # a planned visit still needs its visitor
            if etype in MEETING_TYPES and status == "intended":
                etype = "intent_to_meet"
            parts, has_subject = self.participants(i, a, b, etype)
            if etype == "attack" and self.lemma[i] in CAN_BE_MILITARY and any(
                    self.by_id[p.entity].type == "place" for p in parts if p.entity in self.by_id):
                etype = "military_attack"  # `Rosja zaatakowała Ukrainę`: countries as actors
            is_noun = self.pos[i] in NOUN_POS
            quote = self.in_quote(self.idx[i])
            parts = self._speakers(i, a, etype, last_meeting, parts) + parts
            if etype == "consult" and any(self.low[k] in ("nam", "nas", "nami") for k in range(a, b)) and not quote:
                i += 1
                continue
            verb = self._subject_verb(i, a, etype, parts)
            if verb is not None and not has_subject and not (quote and self._person(verb)):  # `żądam`: the speaker only
                parts = self._dropped_subject(verb, parts, prev_event_in_sentence.get(k)) + parts
            if is_noun and not parts:
                parts = self._culprits(i, a, prev_event_in_sentence.get(k))
            if etype == "arrest" and not any(p.role == "target" for p in parts) and self._unnamed_people(i, b):
                parts += self._named_next(k)
            parts = _dedupe(parts)
            time = self.time(i, a, b, etype)
            place = self.place(i, a, b, etype)
            start, end = self.idx[i], self.idx[i] + len(self.doc[i].text)
            # a later reference to an earlier event becomes one of its mentions
            cameo = self._cameo(etype, self.lemma[i], sense_cameo)
            target = self._antecedent(events, etype, is_noun, time, place, parts, i, status, cameo)
            if target is not None:
                target.mentions.append((start, end))
                target.participants = _dedupe(target.participants + parts)
                if target.place is None and place:
                    target.place = place
                i += 1
                continue
            if etype == "agreement" and is_noun and not parts:
                parts = self._parties(events)
            if {etype, base} & NEEDS_PARTICIPANT and not parts:
                i += 1
                continue
            if etype in ("meeting", "host") and place is None and last_meeting is not None \
                    and last_meeting.type == "invitation" and last_meeting.place \
                    and self.sent[i] - self._sent_of(last_meeting) <= 2:
                place = last_meeting.place
            event = Event(etype, cameo, parts, time, place, status, start, end,
                          Trigger(start, end, self.doc[i].text, self.lemma[i]))
            events.append(event)
            if not is_noun:  # a predicate whose subject the next one may share (not `na wniosek X`)
                prev_event_in_sentence[k] = event
            if CAMEO[etype] and CAMEO[etype].startswith("04"):
                last_meeting = event
            i += 1
        if self.statements:
            events.extend(self._statements())
        return events

    def _unnamed_people(self, i: int, b: int) -> bool:
        """The verb's object is people not named (`zatrzymali ośmiu celników`, `zatrzymali kierowcę`)."""
        return self.pos[i] not in NOUN_POS and any(
            not self.ment[k] and (self.pos[k] == "num" or (self.pos[k] == "subst" and ":m1" in self.tag[k]))
            and self._cases(k) & {"acc", "gen"} for k in range(i + 1, b))

    def _named_next(self, k: int) -> list[Participant]:
        """The people first named in sentence k + 1, other than speakers: those an arrest of unnamed people took
        (`Zatrzymano dwóch mężczyzn. 20-letni Jan K. i 30-letni Adam W. …`)."""
        if k + 1 >= len(self.sent_bounds):
            return []
        a, b = self.sent_bounds[k + 1]
        return [Participant(ent.id, ent.name, "target") for s in sorted(self.ment_start) if a <= s < b
                for ent in [self.ment_start[s][1]] if ent.type == "person" and self.ent_starts[ent.id][0] == s
                and not any(self.idx[t] in self.cue_starts for t in range(max(a, s - 3), s))]

    @staticmethod
    def _parties(events: list[Event]) -> list[Participant]:
        """The parties of the last agreement: an unnamed one's (`Kolejne porozumienie z 14 kwietnia`, `w aneksie`)."""
        last = next((ev for ev in reversed(events) if ev.type == "agreement" and ev.participants), None)
        return [Participant(p.entity, p.name, p.role) for p in last.participants] if last else []

    @staticmethod
    def _cameo(etype: str, lemma: str, sense_cameo: str | None) -> str | None:
        """The type's CAMEO code, or a more specific one of the same root for this lemma (`pozew` 115, `zamieszki` 145)."""
        code, specific = CAMEO[etype], sense_cameo or LEMMA_CAMEO.get(lemma)
        return specific if code and specific and specific[:2] == code[:2] else code

    def _sent_of(self, event: Event) -> int:
        span = self.doc.char_span(event.start, event.end, alignment_mode="expand")
        return self.sent[span.start] if span is not None else 0

    def _person(self, i: int) -> str | None:
        """'sg'/'pl' when the trigger verb is in the first person (`uzgodniliśmy`), else None."""
        tag = self.tag[i]
        if self.pos[i] == "fin" and ":pri" in tag:
            return "pl" if ":pl:" in tag else "sg"
        if self.pos[i] == "praet" and i + 1 < len(self.doc) and self.pos[i + 1] == "aglt" and ":pri" in self.tag[i + 1]:
            return "pl" if ":pl:" in self.tag[i + 1] else "sg"
        return None

    def _speaker_at(self, j: int) -> Any | None:
        """The person or organisation speaking the quote token j is in."""
        quote = self.in_quote(self.idx[j])
        spk = self.by_id.get(quote[1].speaker_entity) if quote else None
        return spk if spk is not None and spk.type in PARTICIPANT_TYPES else None

    def _speakers(self, i: int, a: int, etype: str, last_meeting: Event | None,
                  parts: list[Participant]) -> list[Participant]:
        """A first-person verb inside a quote (or the one a noun trigger is the object of: `złożyliśmy skargę`): the
        speaker; for `my` also the others named in the sentence (`po wyborach spotkaliśmy się z panem prezydentem`),
        else the partner of the last meeting."""
        verb = self._verb_of_object(i, a, etype) if self.pos[i] in NOUN_POS else self._finite_verb(i, a)
        person = self._person(verb) if verb is not None else None
        spk = self._speaker_at(i) if person else None
        if spk is None:
            return []
        found = [Participant(spk.id, spk.name, "source")]
        if person == "pl":
            given = {p.entity for p in parts}
            others = [e for ref in self.refs(*self.sent_bounds[self.sent[i]]) for e in ref.entities
                      if e.type in PARTICIPANT_TYPES and e is not spk and e.id not in given]
            if others:
                found += [Participant(e.id, e.name, "co-participant") for e in others]
            elif last_meeting is not None and not given:
                found += [Participant(p.entity, p.name, "co-participant")
                          for p in last_meeting.participants if p.entity != spk.id]
        return found

    def _subject_verb(self, i: int, a: int, etype: str, parts: list[Participant]) -> int | None:
        """The verb whose dropped subject the event takes: the trigger, the verb an infinitive depends on, the verb a
        noun trigger is the object of (`wygrał wybory`); a bare `rezygnacja` or `nominacja` stands for itself."""
        if self.pos[i] not in NOUN_POS:
            return self._finite_verb(i, a)
        verb = self._verb_of_object(i, a, etype)
        if verb is not None:
            return verb
        return i if etype in ("resignation", "appointment") and not parts and not self._complement_after(i) else None

    def _dropped_subject(self, verb: int, parts: list[Participant], prev: Event | None) -> list[Participant]:
        """The subject a verb leaves out: the previous event's in this sentence, else in reported speech its speaker
        (or nobody), else the subject named in the sentence before, else the source of an event in the two sentences before (`X przejął … . Został powołany …`), else the
        last person named there who fits the verb's gender, else the person the last events were about. A passive verb's
        subject is its target; an impersonal verb (`udało się`, `zatrzymano`) and a plural one take nobody."""
        role = "target" if self.pos[verb] == "ppas" else "source"
        impersonal = self.pos[verb] in ("imps", "pred") or self.tag[verb].startswith("praet:sg:n")
        if impersonal or any(p.role == role for p in parts):
            return []
        if prev is not None and self.pos[verb] != "ppas" and self._sources(prev):
            return self._sources(prev)
        genders = {g[0] for g in _genders(self.tag[verb])} - {"n"} if self.pos[verb] in ("praet", "ppas") else set()
        reported = self._reporter(verb, genders) if role == "source" else None
        if reported is not None:
            return [Participant(e.id, e.name, role) for e in reported]
        ahead = self._sentence_subject(verb, genders)
        if ahead or self._plural_verb(verb):
            return [Participant(e.id, e.name, role) for e in ahead]
        subject, last = self._nearby_person(verb, genders)
        person = subject or self._topic(verb, genders, 2) or last or self._topic(verb, genders, TOPIC_SENTENCES)
        return [Participant(person.id, person.name, role)] if person is not None else []

    def _reporter(self, verb: int, genders: set[str]) -> list[Any] | None:
        """Reported speech (`X powiedziała, że w kwietniu spotka się …`): a singular verb's dropped subject is the
        speaker, nobody when the speaker is no entity (`żona prezydenta`); None outside reported speech."""
        hit = self.in_quote(self.idx[verb])
        quote = hit[1] if hit else None
        if quote is None or quote.kind != "indirect" or quote.cue is None or quote.cue.lemma in ACCORDING \
                or self._plural_verb(verb):
            return None
        spk = self.by_id.get(quote.speaker_entity)
        return [spk] if spk is not None and spk.type in PARTICIPANT_TYPES and self._fits(spk, genders) else []

    def _culprits(self, i: int, a: int, prev: Event | None) -> list[Participant]:
        """`skazał X za zabójstwo`, `oskarżył X o pobicie`: those sentenced, arrested or charged did the act."""
        if prev is None or prev.type not in ("other", "arrest", "accusation") or self.governing_prep(i, a) not in ("za", "o"):
            return []
        return [Participant(p.entity, p.name, "source") for p in prev.participants if p.role == "target"]

    def _sources(self, event: Event) -> list[Participant]:
        """Copies of an event's sources."""
        return [Participant(p.entity, p.name, p.role) for p in event.participants if p.role == "source"]

    def _plural_verb(self, k: int) -> bool:
        return self.plural_tag(k) or (k + 1 < len(self.doc) and self.pos[k + 1] == "aglt" and self.plural_tag(k + 1))

    def _fits(self, ent: Any, genders: set[str]) -> bool:
        """A named person of one of these genders ('m', 'f'; any when empty or unknown)."""
        return ent.type == "person" and ent.name[:1].isupper() and (
            not genders or self.gender.get(ent.id) in genders | {None})

    def _sentence_subject(self, verb: int, genders: set[str]) -> list[Any]:
        """The subject at the head of the sentence, cut off from its verb by an insertion (`LU Polska, chcąc mieć
        wyłączność, pozwała …`): the first nominative phrase before the verb's clause, outside a prepositional phrase,
        agreeing with the verb in number and gender, with the phrases coordinated with it."""
        s0, a = self.sent_bounds[self.sent[verb]][0], self.clause(verb)[0]
        refs = self.refs(s0, a) if a > s0 else []
        plural = self._plural_verb(verb)
        for k, ref in enumerate(refs):
            if "nom" not in ref.cases | {ref.case} or not ref.entities or self.governing_prep(ref.start, s0) is not None \
                    or self._head_before(ref.start) is not None or self.low[max(0, ref.start - 1)] == "(":
                continue
            group = [ref] + list(takewhile(lambda r: r.coord, refs[k + 1:]))
            ents = [e for r in group for e in r.entities if e.type in PARTICIPANT_TYPES]
            if ents and (len(group) > 1 or ref.plural) == plural and all(
                    e.type != "person" or self._fits(e, genders) for e in ents):
                return ents
            return []
        return []

    def _nearby_person(self, i: int, genders: set[str]) -> tuple[Any | None, Any | None]:
        """The last subject named in this or the sentence before (a person or an organisation), and the last person
        named in this or the two sentences before."""
        a = self.sent_bounds[max(0, self.sent[i] - 1)][0]
        best = last = None
        for s, e, ent, m in self.mentions_in(self.sent_bounds[max(0, self.sent[i] - 2)][0], i):
            subject = s >= a and self.governing_prep(s, a) is None and _case(self.tag[s]) in ("nom", None)
            if self._fits(ent, genders):
                last = ent
            if subject and (self._fits(ent, genders) or (ent.type == "organization" and ent.name[:1].isupper())):
                best = ent
        return best, last

    def _topic(self, i: int, genders: set[str], sentences: int) -> Any | None:
        """The person the last events within so many sentences were about, their source first (`Po wyborach przejął
        stanowisko …`)."""
        for ev in reversed(self.events[-TOPIC_EVENTS:]):
            if self.sent[i] - self._sent_of(ev) > sentences:
                break
            ranked = sorted(ev.participants, key=lambda p: p.role != "source")
            person = next((self.by_id[p.entity] for p in ranked if p.entity in self.by_id
                           and self._fits(self.by_id[p.entity], genders)), None)
            if person is not None:
                return person
        return None

    def _antecedent(self, events: list[Event], etype: str, is_noun: bool, time, place, parts, i: int,
                    status: str, cameo: str | None) -> Event | None:
        """The earlier event this trigger refers back to: the last compatible one (one with the same place before
        one without a place), unless a time, place or participants of its own make it another event."""
        compatible = CORE_TYPES.get(etype, {etype})
        if etype == "other" and self.lemma[i] in RULING_PARTS and time is None and events \
                and events[-1].type == "other" and self.sent[i] - self._sent_of(events[-1]) <= 1 \
                and {p.entity for p in parts} <= {p.entity for p in events[-1].participants}:
            return events[-1]  # `Sąd skazał … Nałożył grzywny, zasądził opłatę`: parts of one ruling
        if not is_noun and (etype == "appointment" or (etype not in ("consult", "meeting") and not parts)):
            return None  # `został prezesem`, `objął funkcję`: each office taken is an event of its own
        placeless = None
        mine = {p.entity for p in parts}
        for ev in reversed(events):
            if ev.type not in compatible or (etype == ev.type and cameo != ev.cameo):
                continue  # another type, or another act of it (`oskarżył` 112, then `skarga` 115)
            if etype == "other" and self._another_decision(ev.trigger.lemma, is_noun, i):
                continue  # `przyjęli budżet, a Sejm odrzucił projekt`: another decision
            if (time is not None and time != ev.time) or (place and ev.place and place != ev.place):
                break  # a time or place of its own: another event
            if etype == "arrest" and ev.trigger.lemma in DETENTION and self._custody(i):
                break  # the court's custody after the police's detention
            if not is_noun and etype not in MEETING_TYPES and ev.status == "intended" and status == "occurred":
                continue  # `zrezygnuje` then `zrzekł się wcześniej`: what is planned is not what was done
            names = {p.entity for p in ev.participants}
            if mine and names and not (mine & names):
                continue
            if not place or ev.place == place:
                return ev
            placeless = placeless or ev
        return placeless

    def _another_decision(self, lemma: str, is_noun: bool, i: int) -> bool:
        """A decision verb other than the earlier one's (`podjął decyzję` … `zdecydowaliśmy` is one); a noun of deciding
        other than a decision's (`decyzja` then `wyrok`)."""
        mine, theirs = _decision(self.lemma[i]), _decision(lemma)
        if not is_noun:
            return mine != theirs
        return (mine == "zdecydować") != (theirs == "zdecydować")

    def _custody(self, i: int) -> bool:
        """An arrest word of a court's order (`tymczasowe aresztowanie`, `sąd zastosował areszt`)."""
        return self.near(i, frozenset({"tymczasowy", "tymczasowo"}), 2, 1) is not None or self.near(i, COURTS, 12, 6) is not None

    def _statements(self) -> list[Event]:
        out = []
        for q_i, q in enumerate(self.quotes):
            if q.cue is None:
                continue
            parts = [Participant(q.speaker_entity, q.speaker, "source")] if q.speaker else []
            out.append(Event("statement", CAMEO["statement"], parts, None, None, "occurred", q.cue.start, q.cue.end,
                             Trigger(q.cue.start, q.cue.end, q.cue.text, q.cue.lemma), quote=q_i))
        return out


def _dedupe(parts: list[Participant]) -> list[Participant]:
    seen, out = set(), []
    for p in parts:
        key = p.entity or p.name
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _decision(lemma: str) -> str:
    """One name for the words of deciding (`podjął decyzję` … `zdecydowaliśmy`), else the lemma itself."""
    return "zdecydować" if lemma in ("decyzja", "zadecydować") else lemma


def _aspect_partner(lemma: str) -> str | None:
    """The table lemma of a verb's aspect partner (`kwestionować` -> `zakwestionować`), or None."""
    candidates = [lemma[: -len(old)] + new for old, new in IMPERFECTIVE_SUFFIXES if lemma.endswith(old)]
    if lemma.endswith("ować"):
        candidates += [p + lemma for p in PERFECTIVE_PREFIXES]
        candidates += [lemma[len(p):] for p in PERFECTIVE_PREFIXES if lemma.startswith(p)]
    return next((c for c in candidates if c in TRIGGERS), None)


def _known(value: str | None) -> bool:
    """A TIMEX3 value with a known year (not `xxxx-xx-xx` of an unanchored `wczoraj`, nor a year-less `xxxx-12-18`)."""
    return bool(value) and not value.lower().startswith("xxxx") and value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def _date_part(value: str) -> str:
    return value.split("T", 1)[0]


def find_events(doc: Doc, statements: bool = False) -> list[Event]:
    return _Finder(doc, statements).run()


@Language.factory("kronika_events", default_config={"statements": False}, assigns=[f"doc._.{EVENTS}"])
def make_events(nlp: Language, name: str, statements: bool):
    def events_component(doc: Doc) -> Doc:
        doc._.set(EVENTS, find_events(doc, statements))
        return doc

    return events_component
