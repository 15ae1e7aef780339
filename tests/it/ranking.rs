//! Ranking on a purpose-built corpus (tests/data/rank): duplicates merge,
//! disagreements show, contradictions never answer, aggregates add up.

use narcofacts::{Answer, Config, KnowledgeBase};

use crate::util::{data, TempCorpus};

fn kb() -> (TempCorpus, KnowledgeBase) {
    let t = TempCorpus::holding(&data("rank"));
    let mut config = Config::new(t.corpus(), t.index());
    config.today = Some(jiff::civil::date(2024, 6, 1));
    let mut kb = KnowledgeBase::open(config).unwrap();
    kb.sync().unwrap();
    (t, kb)
}

/// A knowledge base over the files written to `t`, brought up to date.
fn synced(t: &TempCorpus) -> KnowledgeBase {
    let mut kb = KnowledgeBase::open(Config::new(t.corpus(), t.index())).unwrap();
    kb.sync().unwrap();
    kb
}

fn best(a: &Answer) -> Option<(f64, &str)> {
    a.best().map(|b| (b.fact.value, b.fact.doc.as_str()))
}

#[test]
fn the_same_fact_from_two_files_is_one_answer_citing_both() {
    let (_t, kb) = kb();
    let a = kb.ask("heroin seized by customs in Kenya in 2023").unwrap();
    let b = a.best().expect("an answer");
    assert_eq!(b.fact.value, 120.0);
    let docs: Vec<&str> =
        std::iter::once(b.fact.doc.as_str()).chain(b.sources.iter().map(|s| s.doc.as_str())).collect();
    assert!(docs.contains(&"kenya_customs.txt") && docs.contains(&"kenya_repeat.txt"), "{docs:?}");
    assert_eq!(a.answers.iter().filter(|s| s.fact.value == 120.0).count(), 1);
}

#[test]
fn a_different_figure_for_the_same_frame_is_flagged() {
    let (_t, kb) = kb();
    let a = kb.ask("heroin seized by customs in Kenya in 2023").unwrap();
    let b = a.best().unwrap();
    assert!(b.disagreements.iter().any(|d| d.value == 150.0 && d.doc == "kenya_police.txt"), "{:?}", b.disagreements);
}

#[test]
fn a_contradicting_year_or_substance_never_answers() {
    let (_t, kb) = kb();
    let a = kb.ask("cocaine seized in Kenya in 2023").unwrap();
    assert!(a.answers.is_empty(), "{:?}", best(&a));
    assert!(a.related.iter().any(|r| r.fact.value == 45.0 && r.why[0].contains("2022")), "{:?}", a.related);
    let a = kb.ask("heroin seized in Uganda in 2023").unwrap();
    assert!(a.answers.is_empty(), "{:?}", best(&a));
    let a = kb.ask("cannabis seized in Kenya").unwrap();
    assert!(a.answers.is_empty(), "{:?}", best(&a));
    let a = kb.ask("heroin seized by the navy in Kenya in 2023").unwrap();
    assert!(a.answers.is_empty(), "{:?}", best(&a));
}

#[test]
fn abstains_on_questions_the_corpus_cannot_answer() {
    let (_t, kb) = kb();
    for q in [
        "methamphetamine seized in Mexico",
        "opium production in Myanmar 2023",
        "how many people were arrested in Kenya?",
        "weather in Nairobi",
    ] {
        let a = kb.ask(q).unwrap();
        assert!(a.answers.is_empty(), "{q}: {:?}", best(&a));
    }
}

#[test]
fn totals_add_the_asked_years() {
    let (_t, kb) = kb();
    let a = kb.ask("total heroin seized in Tanzania in 2022 and 2023").unwrap();
    let g = a.aggregate.as_ref().expect("an aggregate");
    assert_eq!(g.by, "year");
    assert_eq!(g.total, Some(800.0));
    let keys: Vec<(&str, f64)> =
        g.parts.iter().map(|p| (p.key.as_str(), p.fact.as_ref().unwrap().fact.value)).collect();
    assert_eq!(keys, [("2022", 300.0), ("2023", 500.0)]);
}

#[test]
fn years_set_side_by_side_give_their_change_not_their_sum() {
    let (_t, kb) = kb();
    for q in ["heroin seized in Tanzania 2023 vs 2022", "compare heroin seized in Tanzania in 2022 and 2023"] {
        let a = kb.ask(q).unwrap();
        let g = a.aggregate.as_ref().expect("an aggregate");
        assert_eq!(g.total, None, "{q}");
        let change = g.change.expect("a change");
        assert!((change - 66.666).abs() < 0.01, "{q}: {change}");
    }
}

#[test]
fn a_breakdown_per_year_keeps_to_one_place_and_drug() {
    let (_t, kb) = kb();
    let a = kb.ask("heroin seized in Tanzania per year").unwrap();
    let g = a.aggregate.as_ref().expect("an aggregate");
    let keys: Vec<&str> = g.parts.iter().map(|p| p.key.as_str()).collect();
    assert_eq!((keys, g.total), (vec!["2022", "2023"], Some(800.0)));
    // The corpus has heroin in five countries, one year each but Tanzania:
    // the best answer's country (Kenya) has one year, so nothing to add up.
    let a = kb.ask("heroin seized per year").unwrap();
    assert!(a.aggregate.is_none(), "{:?}", a.aggregate);
}

#[test]
fn a_missing_year_leaves_the_total_open() {
    let (_t, kb) = kb();
    let a = kb.ask("compare heroin seizures in Tanzania in 2021 and 2023").unwrap();
    let g = a.aggregate.as_ref().expect("an aggregate");
    assert_eq!(g.total, None);
    assert!(g.parts[0].fact.is_none() && g.parts[1].fact.is_some());
}

#[test]
fn superlatives_pick_the_extreme_figure() {
    let (_t, kb) = kb();
    assert_eq!(best(&kb.ask("largest heroin seizure in Tanzania").unwrap()).map(|b| b.0), Some(500.0));
    assert_eq!(best(&kb.ask("smallest heroin seizure in Tanzania").unwrap()).map(|b| b.0), Some(300.0));
}

#[test]
fn the_question_year_picks_among_same_frame_figures() {
    let (_t, kb) = kb();
    assert_eq!(best(&kb.ask("heroin seized in Tanzania in 2022").unwrap()).map(|b| b.0), Some(300.0));
    assert_eq!(best(&kb.ask("heroin seized in Tanzania in 2023").unwrap()).map(|b| b.0), Some(500.0));
    assert_eq!(best(&kb.ask("cannabis seized in Tanzania in 2023").unwrap()).map(|b| b.0), Some(2000.0));
}

#[test]
fn a_fiscal_year_answers_for_the_calendar_year_it_mostly_covers() {
    let (_t, kb) = kb();
    // FY2021 is October 2020 to September 2021; FY2022 starts in October 2021.
    assert_eq!(best(&kb.ask("fentanyl seized in 2021").unwrap()).map(|b| b.0.round()), Some(5080.0));
    assert_eq!(best(&kb.ask("fentanyl seized in 2022").unwrap()).map(|b| b.0.round()), Some(6668.0));
}

#[test]
fn a_fiscal_year_asked_is_answered_by_that_fiscal_year_first() {
    let (_t, kb) = kb();
    // Both figures fall in FY2023 (October 2022 to September 2023); one
    // is the fiscal year's.
    let a = kb.ask("cocaine removed by the coast guard in fiscal year 2023").unwrap();
    assert_eq!(best(&a).map(|b| b.0.round()), Some(90718.0));
    let a = kb.ask("cocaine offloaded by the coast guard in September 2023").unwrap();
    assert_eq!(best(&a).map(|b| b.0.round()), Some(5443.0));
}

#[test]
fn cash_seized_in_a_drug_case_answers_though_it_names_no_drug() {
    let (_t, kb) = kb();
    let a = kb.ask("cash seized in the Spanish cocaine case").unwrap();
    assert_eq!(best(&a), Some((1_500_000.0, "spain_network.txt")));
    // Cash is no drug's worth.
    let a = kb.ask("value of the cocaine seized in Spain").unwrap();
    assert!(a.answers.is_empty(), "{:?}", best(&a));
}

#[test]
fn firearms_seized_in_a_drug_case_answer_though_they_name_no_drug() {
    let t = TempCorpus::new();
    t.write(
        "phoenix.txt",
        "Eleven charged in Phoenix fentanyl conspiracy\n\nPHOENIX, June 12, 2025 - During the investigation, DEA \
         agents seized 1.2 million fentanyl pills, 31 firearms and $640,000 in cash.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("firearms seized in the Phoenix fentanyl investigation").unwrap();
    assert_eq!(best(&a), Some((31.0, "phoenix.txt")));
}

#[test]
fn a_month_asked_without_its_year_is_the_latest_that_answers() {
    let t = TempCorpus::new();
    t.write(
        "brazil.txt",
        "Federal Police seize marijuana in Mato Grosso do Sul\n\n3 October 2025\n\nThe Federal Police seized 36 \
         tonnes of marijuana in September on the border with Paraguay.\n",
    );
    t.write(
        "brazil_old.txt",
        "Federal Police seize marijuana near Paraguay\n\n2 October 2023\n\nThe Federal Police seized 12 tonnes of \
         marijuana in September on the border with Paraguay.\n",
    );
    let mut config = Config::new(t.corpus(), t.index());
    config.today = Some(jiff::civil::date(2026, 12, 7));
    let mut kb = KnowledgeBase::open(config).unwrap();
    kb.sync().unwrap();
    // No September of 2026 answers: the latest that does, 2025's.
    let a = kb.ask("marijuana seized in September").unwrap();
    assert_eq!(best(&a), Some((36_000.0, "brazil.txt")));
    assert!(a.notes.iter().any(|n| n.contains("2026-09")), "{:?}", a.notes);
    // A year named is kept.
    let a = kb.ask("marijuana seized in September 2023").unwrap();
    assert_eq!(best(&a), Some((12_000.0, "brazil_old.txt")));
}

#[test]
fn a_city_asked_is_not_answered_by_the_whole_country() {
    let (_t, kb) = kb();
    let a = kb.ask("chira seized in Tangier").unwrap();
    assert_eq!(best(&a), Some((12_400.0, "morocco_tangier.txt")));
    // The country's figure still answers for the country.
    let a = kb.ask("chira seized nationwide in Morocco since January").unwrap();
    assert_eq!(best(&a), Some((95_000.0, "morocco_tangier.txt")));
}

#[test]
fn passages_come_from_the_answering_files_or_else_from_anywhere() {
    let (_t, kb) = kb();
    let a = kb.ask("heroin seized by customs in Kenya in 2023").unwrap();
    let files: Vec<&str> = a
        .answers
        .iter()
        .flat_map(|s| std::iter::once(s.fact.doc.as_str()).chain(s.sources.iter().map(|x| x.doc.as_str())))
        .collect();
    assert!(!a.passages.is_empty());
    for p in &a.passages {
        assert!(files.contains(&p.doc.as_str()), "{} not in {files:?}", p.doc);
        assert!(p.score > 0.0);
    }
    let a = kb.ask("cocaine seized in Kenya in 2023").unwrap();
    assert!(a.answers.is_empty());
    assert!(a.passages.iter().any(|p| p.text.to_lowercase().contains("cocaine")), "{:?}", a.passages);
}

#[test]
fn when_no_agency_matches_the_near_miss_comes_first_with_its_reason() {
    let t = TempCorpus::seeds();
    let kb = synced(&t);
    // The filters keep the heroin of 2021 (customs'); no fact is the navy's.
    // Words alone would put heroin figures of other years first.
    let a = kb.ask("heroin seized by the navy in 2021").unwrap();
    assert!(a.answers.is_empty(), "{:?}", a.answers);
    let first = a.related.first().expect("a near miss");
    assert_eq!(first.fact.value, 903.454);
    assert!(first.why[0].contains("not navy"), "{:?}", first.why);
}

#[test]
fn the_largest_single_seizure_is_not_a_year_total_nor_dated_by_a_dateline() {
    let (_t, kb) = kb();
    // The dateline's year is no period the figure sums; "18 tons a year
    // earlier" is a year's total.
    let a = kb.ask("largest cocaine seizure in Brazil").unwrap();
    assert_eq!(best(&a), Some((3100.0, "brazil_santos.txt")));
}

#[test]
fn crop_questions_prefer_areas_and_change_questions_shares() {
    let (_t, kb) = kb();
    let a = kb.ask("coca cultivation in Colombia 2023").unwrap();
    assert_eq!(best(&a), Some((253_000.0, "colombia_coca.txt")));
    let a = kb.ask("how much did coca cultivation rise in Colombia").unwrap();
    assert_eq!(best(&a), Some((10.0, "colombia_coca.txt")));
    // The area the question describes in its own words, over the tonnes of
    // the same year and the same event.
    let a = kb.ask("coca cultivation in Peru 2022").unwrap();
    assert_eq!(best(&a), Some((95_000.0, "peru_coca.txt")));
}

#[test]
fn a_count_of_something_else_or_a_rate_answers_no_how_many_question() {
    let (_t, kb) = kb();
    // "per 100,000 people" is the rate's base, not a count of people.
    let a = kb.ask("how many people died of overdoses in the United States in 2023").unwrap();
    assert_eq!(best(&a), Some((107_543.0, "usa_overdose.txt")));
    let a = kb.ask("overdose death rate in the United States").unwrap();
    assert_eq!(best(&a), Some((32.6, "usa_overdose.txt")));
    // Deaths asked are deaths, not deaths per 100,000 people.
    let a = kb.ask("overdose deaths in the United States in 2023").unwrap();
    assert_eq!(best(&a), Some((107_543.0, "usa_overdose.txt")));
    // People arrested are no labs, whatever else the sentence shares.
    let a = kb.ask("how many labs were dismantled in the United States").unwrap();
    assert!(a.answers.is_empty(), "{:?}", best(&a));
}

#[test]
fn a_rate_counts_once_whether_named_or_written_per_people() {
    let t = TempCorpus::new();
    t.write(
        "cdc.txt",
        "Overdose deaths fell sharply in 2024\n\nWASHINGTON, May 14, 2025 (AP) - Drug overdose deaths in the United \
         States fell nearly 27% in 2024 to about 80,400, according to the CDC.\n\nThe age-adjusted rate of overdose \
         deaths fell to 23.7 per 100,000 people.\n\nWest Virginia still had the highest death rate, at 52.9 per \
         100,000, the CDC said.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("overdose deaths in the United States in 2024").unwrap();
    assert_eq!(best(&a), Some((80_400.0, "cdc.txt")));
    // Both are rates; only one sentence names West Virginia.
    let a = kb.ask("overdose death rate in West Virginia").unwrap();
    assert_eq!(best(&a), Some((52.9, "cdc.txt")));
}

#[test]
fn a_rate_set_off_after_its_count_answers_a_rate_question() {
    let t = TempCorpus::new();
    t.write(
        "sv.txt",
        "El Salvador's homicides keep falling\n\nSAN SALVADOR, March 3, 2025 - Homicides in El Salvador fell to 114 \
         in 2024, a rate of 1.9 per 100,000 inhabitants, the police said.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("homicide rate in El Salvador in 2024").unwrap();
    assert_eq!(best(&a), Some((1.9, "sv.txt")));
    let a = kb.ask("homicides in El Salvador in 2024").unwrap();
    assert_eq!(best(&a), Some((114.0, "sv.txt")));
}

#[test]
fn an_agency_named_as_the_question_names_it_comes_first() {
    let (_t, kb) = kb();
    // Both are police; only one sentence names the sheriff's deputies.
    let a = kb.ask("meth seized by sheriff deputies").unwrap();
    assert_eq!(best(&a).map(|b| b.1), Some("usa_sheriff.txt"));
    let a = kb.ask("crystal meth seized by police in Houston").unwrap();
    assert_eq!(best(&a).map(|b| b.1), Some("usa_police.txt"));
}

#[test]
fn an_event_of_people_never_answers_for_one_of_drugs() {
    let (_t, kb) = kb();
    // Four men jailed for heroin in Uganda in 2019; no heroin seized there then.
    let a = kb.ask("heroin seized in Uganda in 2019").unwrap();
    assert!(a.answers.is_empty(), "{:?}", best(&a));
    let a = kb.ask("how many people were jailed for heroin in Uganda in 2019").unwrap();
    assert_eq!(best(&a), Some((4.0, "uganda_court.txt")));
}

#[test]
fn a_level_comes_before_its_change_unless_a_change_is_asked() {
    let (_t, kb) = kb();
    let a = kb.ask("drug deaths in Scotland 2023").unwrap();
    assert_eq!(best(&a), Some((1172.0, "scotland_deaths.txt")));
    let a = kb.ask("how much did drug deaths rise in Scotland").unwrap();
    assert_eq!(best(&a), Some((12.0, "scotland_deaths.txt")));
}

#[test]
fn a_town_the_question_names_picks_the_figure_whose_sentence_names_it() {
    let (_t, kb) = kb();
    // Both figures are the United Kingdom's; only one sentence names Glasgow.
    let a = kb.ask("drug deaths in Glasgow").unwrap();
    assert_eq!(best(&a), Some((311.0, "scotland_deaths.txt")));
}

#[test]
fn a_figure_of_no_event_answers_for_people_only_when_it_counts_them() {
    let (_t, kb) = kb();
    // The lethal doses are fentanyl's, but no one was jailed for it.
    let a = kb.ask("prison sentences for fentanyl in Scotland").unwrap();
    assert!(a.answers.is_empty(), "{:?}", best(&a));
    let a = kb.ask("fentanyl seized in Scotland").unwrap();
    assert_eq!(best(&a), Some((3.0, "scotland_deaths.txt")));
}

#[test]
fn a_drug_asked_by_its_local_name_answers_with_the_amount_first() {
    let (_t, kb) = kb();
    // "shabu" names the drug; the amount is "methamphetamine hydrochloride",
    // the value "of shabu": the word is the filter's, not a reason to prefer
    // the value.
    let a = kb.ask("shabu seized in the Philippines 2024").unwrap();
    assert_eq!(best(&a), Some((250.0, "philippines_shabu.txt")));
    let a = kb.ask("value of shabu seized in the Philippines 2024").unwrap();
    assert_eq!(best(&a), Some((1_700_000_000.0, "philippines_shabu.txt")));
}

#[test]
fn a_drug_form_asked_in_the_sentence_words_beats_the_title_figure_of_another_form() {
    let (_t, kb) = kb();
    // The title states the pills; "crystal meth" describes the other figure
    // of the same sentence in the question's own words.
    let a = kb.ask("crystal meth seized in Shan State").unwrap();
    assert_eq!(best(&a), Some((650.0, "myanmar_shan.txt")));
    let a = kb.ask("meth pills seized in Shan State").unwrap();
    assert_eq!(best(&a), Some((4_000_000.0, "myanmar_shan.txt")));
    // Naming the drug alone asks for the article's news.
    let a = kb.ask("methamphetamine seized in Shan State").unwrap();
    assert_eq!(best(&a), Some((4_000_000.0, "myanmar_shan.txt")));
}

#[test]
fn a_figure_of_no_event_answers_for_an_event_only_when_it_counts_what_is_asked() {
    let (_t, kb) = kb();
    // 30 million people used amphetamines: no seizure of pills.
    let a = kb.ask("amphetamine pills seized in 2023").unwrap();
    assert!(a.answers.is_empty(), "{:?}", best(&a));
    let a = kb.ask("amphetamine users in 2023").unwrap();
    assert_eq!(best(&a), Some((30_000_000.0, "world_users.txt")));
}

#[test]
fn with_no_period_asked_the_article_news_comes_before_its_background() {
    let (_t, kb) = kb();
    // May's seizure is background to June's news, though its shorter
    // sentence scores its text a little higher.
    let a = kb.ask("yaba seized by the coast guard").unwrap();
    assert_eq!(best(&a), Some((800_000.0, "bangladesh_yaba.txt")));
    let a = kb.ask("yaba seized by the coast guard in May 2025").unwrap();
    assert_eq!(best(&a), Some((960_000.0, "bangladesh_yaba.txt")));
}

#[test]
fn how_much_of_a_drug_counted_in_tablets_is_answered_by_the_count() {
    let (_t, kb) = kb();
    // "how much" asks for an amount; yaba is counted in tablets.
    let a = kb.ask("how much yaba was seized by the coast guard").unwrap();
    assert_eq!(best(&a), Some((800_000.0, "bangladesh_yaba.txt")));
    // Counts of other things stay out: "how much heroin" is no number of people.
    let a = kb.ask("how much heroin was seized in Tanzania in 2023").unwrap();
    assert_eq!(best(&a).map(|b| b.0), Some(500.0));
    assert!(a.answers.iter().all(|s| s.fact.unit != narcofacts::Unit::Count), "{:?}", best(&a));
}

#[test]
fn with_no_period_asked_the_figure_the_title_states_comes_first() {
    let (_t, kb) = kb();
    // The second sentence says "bottles of codeine syrup" word for word; the
    // title's figure, rounded to 22,000 there, is the article's news.
    let a = kb.ask("how many bottles of codeine syrup were seized in Nigeria").unwrap();
    assert_eq!(best(&a), Some((22_150.0, "nigeria_codeine.txt")));
    let why = &a.best().unwrap().why;
    assert!(why.iter().any(|w| w.contains("title")), "{why:?}");
}

#[test]
fn a_drug_seized_is_answered_by_its_amount_before_its_worth() {
    let (_t, kb) = kb();
    // The sum's sentence names Swansea and says "seized", and the title
    // states it; the question asks no value.
    let a = kb.ask("heroin seized in Swansea").unwrap();
    assert_eq!(best(&a), Some((12.0, "wales_value.txt")));
    let a = kb.ask("how much was the heroin seized in Swansea worth").unwrap();
    assert_eq!(best(&a), Some((1_200_000.0, "wales_value.txt")));
}

#[test]
fn a_title_naming_the_questions_other_words_leads() {
    let (_t, kb) = kb();
    // Another article's sentence says "drugs seized" and "people were
    // arrested" in as many words; the question names the operation its
    // title does (and "individuals" are people).
    let a = kb.ask("drugs seized in Operation Lionfish").unwrap();
    assert_eq!(best(&a), Some((76_000.0, "interpol_operation.txt")));
    let a = kb.ask("how many people were arrested in Operation Lionfish").unwrap();
    assert_eq!(best(&a), Some((1_333.0, "interpol_operation.txt")));
    // No such words: the figures as before.
    let a = kb.ask("how many people were arrested in Mexico").unwrap();
    assert_eq!(best(&a), Some((17_000.0, "mexico_forces.txt")));
}

#[test]
fn how_much_asks_for_a_drugs_weight_before_its_worth() {
    let (_t, kb) = kb();
    // The title states the worth; the question names no money word.
    let a = kb.ask("how much heroin was seized in Mozambique").unwrap();
    assert_eq!(best(&a), Some((340.0, "mozambique_pemba.txt")));
    let a = kb.ask("how much was the heroin seized in Mozambique worth").unwrap();
    assert_eq!(best(&a), Some((18e6, "mozambique_pemba.txt")));
    // "since 2014, when 370 kilogrammes were seized": the record's year.
    let a = kb.ask("heroin seized in Mozambique in 2014").unwrap();
    assert_eq!(best(&a), Some((370.0, "mozambique_pemba.txt")));
}

#[test]
fn a_figure_for_the_whole_period_asked_beats_one_seizure_within_it() {
    let (_t, kb) = kb();
    // The March seizure's sentence names customs and "meth" as asked; the
    // half-year's methamphetamine is a part of the total the lead states.
    let a = kb.ask("how much meth did Japan Customs seize in the first half of 2023").unwrap();
    assert_eq!(best(&a), Some((655.0, "japan_customs.txt")));
    // A question on the one month keeps the month's seizure.
    let a = kb.ask("meth seized by customs in Japan in March 2023").unwrap();
    assert_eq!(best(&a), Some((160.0, "japan_customs.txt")));
}

#[test]
fn a_figure_in_a_list_item_answers_on_its_own() {
    // "- 10.2 tonnes of cocaine" after a list item with no full stop: each
    // item is a paragraph of its own, not a heading nor a part of the one
    // before.
    let (_t, kb) = kb();
    let a = kb.ask("cocaine seized by the ABF in 2024-25").unwrap();
    assert_eq!(best(&a), Some((10_200.0, "australia_abf.md")));
    let a = kb.ask("how much heroin did the Australian Border Force seize in 2024-25").unwrap();
    assert_eq!(best(&a), Some((1_550.0, "australia_abf.md")));
}

#[test]
fn a_town_only_the_dateline_names_picks_its_article() {
    // "AMARILLO, Texas (KFDA) - …": the street value's sentence names no
    // town, but its article's dateline does.
    let (_t, kb) = kb();
    let a = kb.ask("value of the meth seized in Amarillo").unwrap();
    assert_eq!(best(&a), Some((400_000.0, "usa_amarillo.txt")));
}

#[test]
fn a_mix_of_drugs_weighed_as_one_answers_for_each_of_them() {
    // "4.6 kilograms of heroin and cocaine": a figure for both drugs, found
    // by either.
    let (_t, kb) = kb();
    for drug in ["heroin", "cocaine"] {
        let a = kb.ask(&format!("{drug} intercepted at Lagos airport")).unwrap();
        assert_eq!(best(&a), Some((4.6, "nigeria_airport_mix.txt")), "{drug}");
        assert_eq!(a.best().unwrap().fact.substances, ["heroin", "cocaine"]);
    }
}

#[test]
fn unnamed_authorities_answer_for_the_agency_their_sentence_names() {
    // "Law enforcement authorities from Spain, …, supported by Europol, have
    // arrested 400 suspects": Europol's operation, though others arrested.
    let (_t, kb) = kb();
    let a = kb.ask("how many suspects were arrested in the Europol operation").unwrap();
    assert_eq!(best(&a), Some((400.0, "europol_network.html")));
    // Not an agency the sentence does not name.
    let a = kb.ask("how many people were arrested by Interpol").unwrap();
    assert_eq!(best(&a), Some((1_333.0, "interpol_operation.txt")));
}

#[test]
fn the_questions_own_words_for_a_measure_outrank_the_headline_amount() {
    let (_t, kb) = kb();
    // The 700 kg is the figure the title states; the question names what
    // the other figure measures.
    let a = kb.ask("social harm of the Auckland meth").unwrap();
    assert_eq!(best(&a), Some((1_100_000_000.0, "nz_meth.txt")));
    let a = kb.ask("methamphetamine seized in Auckland").unwrap();
    assert_eq!(best(&a), Some((700.0, "nz_meth.txt")));
}

#[test]
fn users_are_met_by_people_who_used_the_drug() {
    let (_t, kb) = kb();
    // "An estimated 4 million Europeans used cocaine in the last year", in
    // an article on 323 tonnes of cocaine seized.
    let a = kb.ask("cocaine users in Europe").unwrap();
    assert_eq!(best(&a), Some((4_000_000.0, "eu_report.html")));
    let a = kb.ask("cocaine seized in the EU in 2022").unwrap();
    assert_eq!(best(&a), Some((323_000.0, "eu_report.html")));
}

#[test]
fn a_town_only_the_opening_sentence_names_picks_its_article() {
    // "Greater Manchester Police arrested 23 people…" opens the article; the
    // sentence of the 2.3kg of crack cocaine names no town, and the Home
    // Office's 27.3 tonnes of cocaine seized in England and Wales is more
    // cocaine seized.
    let (_t, kb) = kb();
    let a = kb.ask("crack cocaine seized in Greater Manchester").unwrap();
    assert_eq!(best(&a), Some((2.3, "uk_county_lines.txt")));
    let a = kb.ask("cocaine seized in England and Wales in 2024/25").unwrap();
    assert_eq!(best(&a), Some((27_300.0, "uk_home_office.txt")));
}

#[test]
fn the_news_outranks_a_shorter_sentence_on_an_old_record() {
    let t = TempCorpus::new();
    t.write(
        "algeciras.txt",
        "Spain's police make largest-ever cocaine seizure in Algeciras\nEuronews with AFP • Updated: 30/10/2025\n\n\
         Spanish police have seized 13 metric tons of cocaine hidden in a shipment of bananas from Ecuador at the \
         port of Algeciras, the largest haul in the country's history, the Interior Ministry said on Wednesday.\n\n\
         The drugs, found in 498 boxes, would have been worth more than €3bn on the street. Police arrested 11 \
         people in Spain and two in Ecuador.\n\nThe previous record was set in 2018, when police seized 8.7 tons \
         of cocaine in Algeciras.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("cocaine seized in Algeciras").unwrap();
    assert_eq!(best(&a), Some((13_000.0, "algeciras.txt")));
    // A period asked decides by itself.
    let a = kb.ask("cocaine seized in Algeciras in 2018").unwrap();
    assert_eq!(best(&a), Some((8_700.0, "algeciras.txt")));
}

#[test]
fn a_town_asked_is_answered_by_the_figure_at_it_not_by_its_sentence_neighbours() {
    let t = TempCorpus::new();
    t.write(
        "brazil.txt",
        "Brazil's Federal Police seize cocaine at Santos port\nOctober 13, 2025\n\n\
         In 2024, the PF and the Federal Revenue Service seized 48 tons of cocaine at Brazilian ports, \
         31 tons of it at Santos alone.\n",
    );
    t.write(
        "peru.txt",
        "Peru eradicated 25,000 hectares of coca crops in 2024\nJanuary 15, 2025\n\n\
         Peru's police eradicated 25,000 hectares of illegal coca crops in 2024. Most of the eradication took \
         place in the regions of Ucayali (9,800 hectares), Huánuco (6,200 hectares) and Loreto (4,100 hectares).\n",
    );
    let kb = synced(&t);
    let a = kb.ask("cocaine seized at Santos in 2024").unwrap();
    assert_eq!(best(&a), Some((31_000.0, "brazil.txt")));
    assert!(a.answers[0].why.iter().any(|w| w == "at santos"), "{:?}", a.answers[0].why);
    // Not the country's figure its title states, nor another region's in
    // the sentence naming the one asked.
    let a = kb.ask("coca eradicated in Ucayali").unwrap();
    assert_eq!(best(&a), Some((9_800.0, "peru.txt")));
    let a = kb.ask("coca eradicated in Loreto").unwrap();
    assert_eq!(best(&a), Some((4_100.0, "peru.txt")));
}

#[test]
fn a_figure_at_another_town_does_not_answer_for_the_town_the_title_names() {
    let t = TempCorpus::new();
    t.write(
        "ncb.txt",
        "NCB seizes 88 kg of ganja in Delhi\nJuly 21, 2025\n\n\
         The Narcotics Control Bureau seized 88 kg of ganja from a truck in outer Delhi on Saturday.\n\n\
         Three persons were arrested in the operation, officials said.\n\n\
         In a separate operation, the NCB's Mumbai unit seized 1.1 kg of mephedrone and arrested two Nigerian \
         nationals.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("people arrested by NCB in Delhi").unwrap();
    assert_eq!(best(&a), Some((3.0, "ncb.txt")));
    let a = kb.ask("people arrested by NCB in Mumbai").unwrap();
    assert_eq!(best(&a), Some((2.0, "ncb.txt")));
}

#[test]
fn a_sentence_naming_an_unknown_town_answers_a_question_naming_it() {
    let t = TempCorpus::new();
    t.write(
        "banana_gang.txt",
        "Gang jailed for smuggling cocaine in banana boxes\nPublished: 14 November 2024\n\n\
         The gang imported at least 1,200 kilos of cocaine through the port of Southampton between March 2021 \
         and June 2022, the National Crime Agency said.\n\nNCA officers intercepted the final shipment of 380 \
         kilos at a warehouse in Eastleigh, Hampshire, in June 2022.\n",
    );
    t.write(
        "colombia.txt",
        "Colombia seizes record 960 tons of cocaine in 2024\nJanuary 8, 2025\n\n\
         Colombia's security forces seized a record 960 tons of cocaine in 2024, the Defense Ministry said.\n",
    );
    let kb = synced(&t);
    // "Eastleigh" is no place the lexicon knows: the sentence that names it
    // answers, before the larger seizure its article's title states.
    let a = kb.ask("cocaine seized in Eastleigh").unwrap();
    assert_eq!(best(&a), Some((380.0, "banana_gang.txt")));
    assert!(a.answers[0].why.iter().any(|w| w == "its sentence names eastleigh"), "{:?}", a.answers[0].why);
}

#[test]
fn a_drugs_worth_is_no_cash() {
    let t = TempCorpus::new();
    t.write(
        "van.txt",
        "Drugs worth £1.5m found in van on M62\n16:45, 7 MAR 2025\n\n\
         Two men have been arrested after drugs with a street value of around £1.5 million were found in a van \
         on the M62.\n\nLast year GMP seized more than £12m worth of drugs and £4.8m in cash.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("cash seized by GMP in 2024").unwrap();
    assert_eq!(best(&a), Some((4_800_000.0, "van.txt")));
    // No cash was named in 2025: the haul's street value does not stand in.
    let a = kb.ask("cash seized by GMP in 2025").unwrap();
    assert!(a.answers.is_empty(), "{:?}", best(&a));
    // A worth asked is still answered.
    let a = kb.ask("value of the drugs found on the M62").unwrap();
    assert_eq!(best(&a), Some((1_500_000.0, "van.txt")));
}

#[test]
fn a_name_no_answering_article_gives_has_no_answer() {
    let t = TempCorpus::new();
    t.write(
        "hk.txt",
        "Hong Kong Customs seizes suspected cocaine at airport\nOctober 28, 2025\n\n\
         Hong Kong Customs yesterday (October 27) seized about 130 kilograms of suspected cocaine at Hong Kong \
         International Airport.\n\nCustoms officers arrested a 45-year-old man in Tsing Yi.\n",
    );
    t.write(
        "cnb.txt",
        "CNB arrests 41 suspected drug offenders in island-wide operation\n21 Jul 2025\n\n\
         Forty-one suspected drug offenders were arrested in an operation by the Central Narcotics Bureau.\n",
    );
    let kb = synced(&t);
    // Tsing Yi's one arrest has no figure; Singapore's 41 are no answer.
    let a = kb.ask("arrests in Tsing Yi").unwrap();
    assert!(a.answers.is_empty(), "{:?}", best(&a));
    assert!(a.related.iter().any(|r| r.why.iter().any(|w| w == "names no tsing yi")), "{:?}", a.related);
    // A name its article gives answers, in whatever passage it stands.
    let a = kb.ask("cocaine seized in Tsing Yi").unwrap();
    assert_eq!(best(&a), Some((130.0, "hk.txt")));
    // A name written in lower case is no such name: the figures still answer.
    let a = kb.ask("arrests in tsing yi").unwrap();
    assert_eq!(best(&a), Some((41.0, "cnb.txt")));
}

#[test]
fn the_most_an_agency_named_seized_is_its_own_not_its_kinds() {
    let t = TempCorpus::new();
    t.write(
        "anf.txt",
        "ANF recovers drugs worth Rs1.2bn in five operations\nPublished August 19, 2025\n\n\
         According to an ANF spokesperson, 360kg of hashish and 96kg of opium were recovered from a truck near \
         Khuzdar in Balochistan.\n",
    );
    t.write(
        "nacoc.txt",
        "NACOC intercepts 2 tonnes of cannabis at Tema Port\nThursday, 21 August 2025\n\n\
         The Narcotics Control Commission (NACOC) has intercepted about two tonnes of cannabis at the Tema Port.\n",
    );
    let kb = synced(&t);
    // Both are drug control agencies; Ghana's larger haul is not the ANF's.
    let a = kb.ask("Which drug did the ANF seize the most of?").unwrap();
    assert_eq!(best(&a), Some((360.0, "anf.txt")));
    let a = kb.ask("largest seizure by a drug control agency").unwrap();
    assert_eq!(best(&a), Some((2000.0, "nacoc.txt")));
}

#[test]
fn a_unit_asked_in_is_the_measure_not_a_word_to_find() {
    let t = TempCorpus::new();
    t.write(
        "ke.txt",
        "Police seize Sh900m heroin in Mombasa\nMar 12, 2025\n\n\
         Anti-narcotics officers in Mombasa have seized 300 kilogrammes of heroin worth an estimated Sh900 \
         million hidden in a fishing boat at Shimoni.\n\n\
         Two suspects, a Kenyan and a Tanzanian, were arrested during the 3am raid on Tuesday.\n\n\
         The heroin was packed in 292 packets of about one kilo each.\n",
    );
    let kb = synced(&t);
    // "kilos" does not favour the sentence that writes "kilo".
    let a = kb.ask("How many kilos of heroin were seized in Kenya?").unwrap();
    assert_eq!(best(&a), Some((300.0, "ke.txt")));
}

#[test]
fn a_stated_total_of_one_weekend_is_one_seizure() {
    let t = TempCorpus::new();
    t.write(
        "ie.txt",
        "Record cocaine haul off Cork\nTuesday, 26 Sep 2023\n\n\
         A total of 2,253kg of cocaine was found on board a cargo vessel intercepted off the coast of Co Cork \
         at the weekend.\n\n\
         On Saturday, customs officers at Rosslare Europort found 21 kilos of cocaine in a lorry.\n",
    );
    let kb = synced(&t);
    // "A total of" one vessel's cargo is no sum of seizures.
    let a = kb.ask("largest cocaine seizure in Ireland").unwrap();
    assert_eq!(best(&a), Some((2253.0, "ie.txt")));
}

#[test]
fn a_month_asked_is_not_answered_by_a_sum_of_months_around_it() {
    let t = TempCorpus::new();
    t.write(
        "mx.txt",
        "Mexico's navy seizes 8.3 tons of cocaine off Pacific coast\nNovember 3, 2023\n\n\
         Mexico's navy seized some 8.3 tons of cocaine from a vessel off the state of Guerrero, the navy said \
         on Friday.\n\n\
         The navy has seized more than 40 tons of cocaine at sea so far this year, up from 29 tons in all of \
         2022.\n",
    );
    let kb = synced(&t);
    // "So far this year" covers November, but sums ten months more.
    let a = kb.ask("Mexican navy cocaine seizure November 2023").unwrap();
    assert_eq!(best(&a), Some((8300.0, "mx.txt")));
    // The whole of 2022 is its own year, not the months of 2023 a year back.
    let a = kb.ask("cocaine seized by the Mexican navy in 2022").unwrap();
    assert_eq!(best(&a).map(|(v, _)| v), Some(29_000.0));
}

#[test]
fn deaths_asked_are_counted_by_the_verb_not_answered_by_their_share() {
    let t = TempCorpus::new();
    t.write(
        "us.txt",
        "DEA seized more than 60 million fentanyl-laced fake pills in 2024\nDecember 30, 2024\n\n\
         According to the CDC, 107,941 Americans died of drug poisonings in 2022, and 70 per cent of those \
         deaths involved synthetic opioids such as fentanyl.\n",
    );
    let kb = synced(&t);
    // "died" counts deaths; the share of them asks for no share.
    let a = kb.ask("overdose deaths United States 2022").unwrap();
    assert_eq!(best(&a), Some((107_941.0, "us.txt")));
    let a = kb.ask("what share of overdose deaths in the United States involved synthetic opioids").unwrap();
    assert_eq!(best(&a), Some((70.0, "us.txt")));
}

#[test]
fn a_country_named_by_its_border_is_preferred_not_required() {
    let t = TempCorpus::new();
    t.write(
        "de.txt",
        "Drug crime in Germany reaches new high\n13 June 2024\n\n\
         Authorities in Germany seized 35 tonnes of cocaine in 2023, most of it at the port of Hamburg.\n",
    );
    t.write(
        "uk.md",
        "# Annual Report 2023: key figures\n\n*National Crime Agency, 20 March 2024*\n\n\
         The NCA made the following seizures at the UK border in 2023 (figures for 2022 in brackets):\n\n\
         - Cocaine: 19.2 tonnes (2022: 15.6 tonnes)\n\
         - Heroin: 1.1 tonnes (2022: 1.7 tonnes)\n",
    );
    let kb = synced(&t);
    // The list's figures are the United Kingdom's, though no line names it.
    let a = kb.ask("cocaine seized at the UK border in 2023").unwrap();
    assert_eq!(best(&a), Some((19_200.0, "uk.md")));
    // A border has two sides: another country's figure still answers.
    let a = kb.ask("cocaine seized at the Dutch border in 2023").unwrap();
    assert!(best(&a).is_some());
}

#[test]
fn what_was_seized_goes_before_what_it_is_worth() {
    let t = TempCorpus::new();
    t.write(
        "rosslare.txt",
        "Cannabis worth €3.6m seized at Rosslare Europort\n\nSaturday, 22 Feb 2025 13:05\n\n\
         Revenue officers have seized cannabis herb with an estimated value of €3.6 million at Rosslare Europort \
         in Co Wexford.\n\nThe drugs, weighing 180kg, were discovered yesterday when officers stopped and searched \
         a lorry that had disembarked a ferry from Cherbourg in France.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("cannabis seized at Rosslare 2025").unwrap();
    assert_eq!(best(&a), Some((180.0, "rosslare.txt")));
    // A question asking the worth still gets it.
    let a = kb.ask("value of cannabis seized at Rosslare").unwrap();
    assert_eq!(best(&a), Some((3_600_000.0, "rosslare.txt")));
}

#[test]
fn another_articles_figure_dated_only_by_its_article_is_no_whole_year() {
    let t = TempCorpus::new();
    t.write(
        "mauritius.txt",
        "ADSU seizes 41 kg of heroin at the port\n\n12 March 2025\n\n\
         The Anti-Drug and Smuggling Unit (ADSU) made one of the largest drug seizures in the country's history \
         after finding 41 kilograms of heroin hidden in a container at Port Louis harbour on Tuesday.\n",
    );
    t.write(
        "sri_lanka.txt",
        "Navy seizes over 200 kg of ice off Dondra\n\n17 April 2025\n\n\
         The Sri Lanka Navy has seized 218 kilograms of crystal methamphetamine and 96 kilograms of heroin from a \
         multi-day fishing trawler in the seas south of Dondra, the Navy said.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("heroin seized at Port Louis 2025").unwrap();
    assert_eq!(best(&a), Some((41.0, "mauritius.txt")));
}

#[test]
fn a_national_agency_asked_is_not_another_countrys_of_its_kind() {
    let t = TempCorpus::new();
    t.write(
        "nigeria.txt",
        "NDLEA intercepts cocaine at Lagos airport\n\n14 October 2026\n\n\
         The National Drug Law Enforcement Agency said it had seized 1,036 tonnes of assorted drugs \
         across the country between January and September 2026.\n",
    );
    t.write(
        "pakistan.txt",
        "ANF seizes drugs in countrywide raids\n\n18 November 2026\n\n\
         The Anti-Narcotics Force has seized 280 tonnes of narcotics so far this year in Pakistan, \
         the spokesperson added.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("drugs seized by NDLEA 2026").unwrap();
    assert_eq!(best(&a), Some((1_036_000.0, "nigeria.txt")));
    // The other agency's figure still answers a question that asks for it.
    let a = kb.ask("drugs seized by the ANF in 2026").unwrap();
    assert_eq!(best(&a), Some((280_000.0, "pakistan.txt")));
}

#[test]
fn a_port_of_entry_of_the_country_arrived_in_is_where_the_drugs_were() {
    let t = TempCorpus::new();
    t.write(
        "felixstowe.txt",
        "Cocaine gang jailed after Felixstowe seizure\n\n27 May 2026\n\n\
         Six members of a gang that smuggled at least 1.2 tonnes of cocaine into the UK through Felixstowe \
         have been jailed.\n\n\
         The cocaine was hidden in consignments of timber from Colombia. Border Force seized 480 kilograms \
         of it at the port in March 2025.\n\n\
         Border Force seized 19 tonnes of cocaine at UK ports in 2025.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("cocaine seized at Felixstowe").unwrap();
    assert_eq!(best(&a), Some((480.0, "felixstowe.txt")));
}

#[test]
fn the_period_asked_beats_a_longer_one_around_it() {
    let t = TempCorpus::new();
    t.write(
        "santos.txt",
        "Federal Police seize 3.5 tonnes of cocaine in Port of Santos\n\nPublished 05/09/2024\n\n\
         The Federal Police (PF) seized 3.5 tonnes of cocaine in the Port of Santos on Wednesday.\n\n\
         Since January, the Federal Police have seized more than 20 tonnes of cocaine in the port of Santos, \
         the country's largest.\n\n\
         In the first half of 2024, the PF seized a total of 29 tonnes of cocaine across Brazil.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("cocaine seized by Brazil's Federal Police in the first half of 2024").unwrap();
    assert_eq!(best(&a), Some((29_000.0, "santos.txt")));
    // The longer period still answers when no figure is of the one asked.
    let a = kb.ask("cocaine seized by Brazil's Federal Police in March 2024").unwrap();
    assert!(best(&a).is_some());
}

#[test]
fn an_agency_the_heading_says_led_covers_the_operations_figures() {
    let t = TempCorpus::new();
    t.write(
        "europol.txt",
        "Europol supports takedown of cannabis trafficking network\n\n2 September 2026\n\n\
         Law enforcement authorities from Spain and France, supported by Europol, have dismantled a network \
         that trafficked cannabis from Morocco.\n\n\
         The action day resulted in:\n\n\
         - 14 arrests\n\
         - EUR 3.2 million in cash seized\n",
    );
    let kb = synced(&t);
    let a = kb.ask("cash seized Europol cannabis network").unwrap();
    assert_eq!(best(&a), Some((3_200_000.0, "europol.txt")));
}

#[test]
fn a_count_of_what_held_the_drugs_does_not_answer_for_the_drug() {
    let t = TempCorpus::new();
    t.write(
        "aceh.txt",
        "BNN foils smuggling of 1.2 tons of crystal meth\n\nMarch 14, 2025\n\n\
         The National Narcotics Agency (BNN) has foiled an attempt to smuggle 1.2 tons of methamphetamine \
         into Indonesia by sea, its chief said on Friday.\n\n\
         BNN head Marthinus Hukom said the crystal meth, packed in 1,150 tea packages, was found aboard a \
         fishing boat intercepted off the coast of Aceh on Tuesday.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("methamphetamine seized by BNN off Aceh").unwrap();
    assert_eq!(best(&a), Some((1_200.0, "aceh.txt")));
    // Asked for, the packages answer.
    let a = kb.ask("how many tea packages of methamphetamine did BNN seize").unwrap();
    assert_eq!(best(&a), Some((1_150.0, "aceh.txt")));
}

#[test]
fn the_worlds_figure_is_no_countrys() {
    let t = TempCorpus::new();
    t.write(
        "mexico.txt",
        "Mexican navy seizes cocaine\n\nNovember 21, 2024\n\n\
         In 2023, the Navy seized 42 tonnes of cocaine at sea off Mexico, according to official data.\n",
    );
    t.write(
        "unodc.txt",
        "UNODC World Drug Report 2025\n\n26 June 2025\n\n\
         Global cocaine production reached a record 3,708 tons in 2023, according to the World Drug Report.\n\n\
         Seizures of cocaine worldwide also hit a record of more than 2,275 tons in 2023.\n",
    );
    let kb = synced(&t);
    let a = kb.ask("cocaine seized worldwide 2023").unwrap();
    assert_eq!(best(&a), Some((2_275_000.0, "unodc.txt")));
    // Nor does a country's figure answer when the world's is not stated.
    let a = kb.ask("heroin seized worldwide 2023").unwrap();
    assert_eq!(best(&a), None);
}

#[test]
fn a_list_item_is_found_by_the_words_of_its_lead() {
    let t = TempCorpus::new();
    t.write(
        "costa_rica.txt",
        "Costa Rica seizes 4.2 tons of cocaine at Moín\n\nMarch 14, 2025\n\n\
         Costa Rican police seized 4.2 tons of cocaine hidden in a shipment of pineapples on Wednesday.\n",
    );
    t.write(
        "europol.md",
        "# 38 arrested in crackdown on cocaine network\n\n*27 May 2025*\n\n\
         On 20 and 21 May, police in Belgium and Germany arrested 38 suspects. During the action days, investigators seized:\n\n\
         - €2.3 million in cash;\n\
         - 21 firearms;\n\
         - 1.2 tonnes of cocaine.\n\n\
         Over the course of the investigation, which began in 2022, police had already seized 16 tonnes of cocaine.\n",
    );
    let kb = synced(&t);
    // The item "1.2 tonnes of cocaine." says nothing of the action days; the
    // line that opens its list does.
    let a = kb.ask("cocaine seized during the action days").unwrap();
    assert_eq!(best(&a), Some((1_200.0, "europol.md")));
}

#[test]
fn a_rate_asked_is_not_answered_by_an_amount() {
    let t = TempCorpus::new();
    t.write(
        "survey.md",
        "# Myanmar Opium Survey 2025\n\n*Bangkok, 12 December 2025*\n\n\
         Potential opium production in Myanmar fell to an estimated 1,010 tons, as the average yield dropped to 19.8 \
         kilograms per hectare.\n",
    );
    let kb = synced(&t);
    // No yield is kept as a figure: the production is no answer to it.
    assert_eq!(best(&kb.ask("average opium yield Myanmar 2025").unwrap()), None);
    assert_eq!(best(&kb.ask("opium production Myanmar 2025").unwrap()), Some((1_010_000.0, "survey.md")));
}

#[test]
fn an_unanswered_question_lists_the_figure_of_another_period_found_by_words() {
    let t = TempCorpus::new();
    t.write(
        "nepal.txt",
        "Drug arrests rise in Nepal\n\nPublished at : August 3, 2025\n\n\
         Police arrested 11,306 people on drug-related charges in Nepal in the fiscal year 2024-25.\n\n\
         Brown sugar is sold for around Rs 6,000 per gram on the streets of Kathmandu in 2025.\n",
    );
    let kb = synced(&t);
    // The question's fiscal year (2025-26 by today's date) keeps the price
    // of 2025 by its period only; the arrests of 2024-25 are still shown.
    let a = kb.ask("people arrested for drugs in Nepal fiscal year 2025-26").unwrap();
    assert_eq!(best(&a), None);
    assert!(a.related.iter().any(|r| r.fact.value == 11_306.0), "{:?}", a.related);
}
