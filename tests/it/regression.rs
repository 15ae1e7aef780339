//! One test per fixed bug or issue requirement, named after its issue.

use crate::util::{data, TempCorpus};

/// Issue 2: a page that repeats another file's article in a "News Line"
/// sidebar after its own article does not count the sidebar's figures.
#[test]
fn r2_news_line_sidebar_is_furniture() {
    let t = TempCorpus::new();
    for name in ["000_with_sidebar.txt", "001_2586f2b13f1ad233.txt"] {
        std::fs::copy(data(&format!("sidebar/{name}")), t.corpus().join(name)).unwrap();
    }
    let facts = t.run(&["facts", "--json"]).expect_code(0).json_lines();
    let of =
        |doc: &str| facts.iter().filter(|f| f["doc"] == doc).map(|f| f["value"].as_f64().unwrap()).collect::<Vec<_>>();
    let page = of("000_with_sidebar.txt");
    assert!(page.contains(&6458.0) && page.contains(&4299.0), "{page:?}");
    for interview_figure in [903.454, 1648.104, 505.593, 37.0] {
        assert!(!page.contains(&interview_figure), "sidebar figure {interview_figure} counted: {page:?}");
        assert!(of("001_2586f2b13f1ad233.txt").contains(&interview_figure));
    }
    let v = t.run(&["ask", "heroin seized by customs 2021", "--json"]).expect_code(0).json();
    assert_eq!(v["answers"][0]["doc"], "001_2586f2b13f1ad233.txt");
    assert_eq!(v["answers"][0]["sources"], serde_json::json!([]));
}
