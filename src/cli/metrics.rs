//! Relevance metrics with trec_eval's conventions: nDCG@10, MAP@100, P@10 and Recall@100, and
//! for known-item queries MRR@10 (trec_eval's `recip_rank` cut at 10) and success@1.

use std::collections::HashMap;

/// Graded judgments of one query: document id to grade (only grades above 0 are relevant).
pub type Judgments = HashMap<String, i32>;

/// The figures for one ranked list, or their mean over queries.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub ndcg_10: f64,
    pub map_100: f64,
    pub p_10: f64,
    pub recall_100: f64,
    /// 1 / the rank of the first relevant document in the top 10, else 0.
    pub mrr_10: f64,
    /// 1 when the first document is relevant, else 0 (over queries: the share of them).
    pub success_1: f64,
}

/// Scores a ranking (best first) against the judgments of its query.
pub fn score(ranking: &[&str], judgments: &Judgments) -> Scores {
    let relevant = judgments.values().filter(|&&g| g > 0).count();
    if relevant == 0 {
        return Scores::default();
    }
    let gain = |id: &str| judgments.get(id).copied().filter(|&g| g > 0).unwrap_or(0) as f64;
    let dcg: f64 = ranking
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, id)| gain(id) / discount(i))
        .sum();
    let mut ideal: Vec<f64> = judgments
        .values()
        .filter(|&&g| g > 0)
        .map(|&g| g as f64)
        .collect();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, g)| g / discount(i))
        .sum();
    let mut hits = 0;
    let mut precision_sum = 0.0;
    for (i, id) in ranking.iter().take(100).enumerate() {
        if gain(id) > 0.0 {
            hits += 1;
            precision_sum += hits as f64 / (i + 1) as f64;
        }
    }
    let hits_10 = ranking.iter().take(10).filter(|id| gain(id) > 0.0).count();
    let first_relevant = ranking.iter().take(10).position(|id| gain(id) > 0.0);
    Scores {
        ndcg_10: dcg / idcg,
        map_100: precision_sum / relevant as f64,
        p_10: hits_10 as f64 / 10.0,
        recall_100: hits as f64 / relevant as f64,
        mrr_10: first_relevant.map_or(0.0, |i| 1.0 / (i + 1) as f64),
        success_1: if first_relevant == Some(0) { 1.0 } else { 0.0 },
    }
}

fn discount(rank_index: usize) -> f64 {
    ((rank_index + 2) as f64).log2()
}

/// The mean of each figure.
pub fn mean(all: &[Scores]) -> Scores {
    let n = all.len().max(1) as f64;
    let sum = |f: fn(&Scores) -> f64| all.iter().map(f).sum::<f64>() / n;
    Scores {
        ndcg_10: sum(|s| s.ndcg_10),
        map_100: sum(|s| s.map_100),
        p_10: sum(|s| s.p_10),
        recall_100: sum(|s| s.recall_100),
        mrr_10: sum(|s| s.mrr_10),
        success_1: sum(|s| s.success_1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judgments(pairs: &[(&str, i32)]) -> Judgments {
        pairs.iter().map(|&(id, g)| (id.to_string(), g)).collect()
    }

    #[test]
    fn hand_computed_example() {
        // Relevant: a (grade 2), b (1), c (1, never retrieved). Ranking: a, x, b.
        let j = judgments(&[("a", 2), ("b", 1), ("c", 1), ("x", 0)]);
        let s = score(&["a", "x", "b"], &j);
        let dcg = 2.0 / 2f64.log2() + 1.0 / 4f64.log2();
        let idcg = 2.0 / 2f64.log2() + 1.0 / 3f64.log2() + 1.0 / 4f64.log2();
        assert!((s.ndcg_10 - dcg / idcg).abs() < 1e-12);
        assert!((s.map_100 - (1.0 + 2.0 / 3.0) / 3.0).abs() < 1e-12);
        assert!((s.p_10 - 0.2).abs() < 1e-12);
        assert!((s.recall_100 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!((s.mrr_10, s.success_1), (1.0, 1.0));
    }

    #[test]
    fn reciprocal_rank_and_success_at_one() {
        // The first relevant document (any grade above 0) decides both.
        let j = judgments(&[("a", 2), ("b", 1), ("x", 0)]);
        let rr = |ranking: &[&str]| {
            let s = score(ranking, &j);
            (s.mrr_10, s.success_1)
        };
        assert_eq!(rr(&["a", "b"]), (1.0, 1.0));
        assert_eq!(rr(&["b", "a"]), (1.0, 1.0), "a grade 1 page counts");
        assert_eq!(
            rr(&["x", "y", "b", "a"]),
            (1.0 / 3.0, 0.0),
            "grade 0 is not relevant"
        );
        let tenth = ["x", "y", "z", "u", "v", "w", "p", "q", "r", "a"];
        assert_eq!(rr(&tenth), (0.1, 0.0));
        let eleventh = ["x", "y", "z", "u", "v", "w", "p", "q", "r", "s", "a"];
        assert_eq!(rr(&eleventh), (0.0, 0.0), "cut at 10");
        assert_eq!(rr(&[]), (0.0, 0.0));
    }

    #[test]
    fn means_over_queries() {
        let j = judgments(&[("a", 1)]);
        let all = [
            score(&["a"], &j),
            score(&["x", "a"], &j),
            score(&["x", "y", "z", "w", "a"], &j),
            score(&["x"], &j),
        ];
        let m = mean(&all);
        assert!((m.mrr_10 - (1.0 + 0.5 + 0.2 + 0.0) / 4.0).abs() < 1e-12);
        assert_eq!(m.success_1, 0.25);
        assert_eq!(mean(&[]), Scores::default());
    }

    #[test]
    fn perfect_and_empty_rankings() {
        let j = judgments(&[("a", 1), ("b", 1)]);
        assert_eq!(score(&["a", "b"], &j).ndcg_10, 1.0);
        assert_eq!(score(&[], &j), Scores::default());
    }
}
