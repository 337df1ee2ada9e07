"""Tests of tools/kp-check, the key phrase checker: each fault on a small
text written for this test, and its absence where the phrase is right.

    python3 tests/test_kp_check.py        (make check runs it)
"""
import os
import sys
import tempfile
import unittest
from importlib.machinery import SourceFileLoader

HERE = os.path.dirname(os.path.abspath(__file__))
kc = SourceFileLoader("kp_check", os.path.join(HERE, "..", "tools",
                                               "kp-check")).load_module()


def doc(text, language="english"):
    return kc.Doc(text, language)


class NearDuplicates(unittest.TestCase):
    TEXT = ("The Northgate charging depot opens in May. The Northgate "
            "charging depot has forty chargers. A charging depot needs "
            "power. Each charging depot needs land. Buses park at night.")

    def test_containing_a_phrase_above(self):
        d = doc(self.TEXT)
        self.assertEqual(kc.near_duplicate(d, "northgate charging depot",
                                           ["charging depot"]),
                         "charging depot")

    def test_inside_without_mentions_of_its_own(self):
        d = doc("The Northgate charging depot opens. The Northgate charging "
                "depot closes. A charging depot works.")
        self.assertEqual(kc.near_duplicate(d, "charging depot",
                                           ["northgate charging depot"]),
                         "northgate charging depot")

    def test_inside_with_mentions_of_its_own(self):
        d = doc(self.TEXT)
        self.assertIsNone(kc.near_duplicate(d, "charging depot",
                                            ["northgate charging depot"]))

    def test_inflections_are_one_phrase(self):
        d = doc("Charging depots cost money. The charging depot is big.")
        self.assertEqual(kc.near_duplicate(d, "charging depots",
                                           ["charging depot"]),
                         "charging depot")

    def test_unrelated(self):
        d = doc(self.TEXT)
        self.assertIsNone(kc.near_duplicate(d, "buses", ["charging depot"]))

    def test_text_without_spaces(self):
        d = doc("摘要模型很好。摘要模型很快。", "chinese")
        self.assertEqual(kc.near_duplicate(d, "摘要模型", ["摘要"]), "摘要")


class Fragments(unittest.TestCase):
    def test_name_cut_before_of(self):
        d = doc("We met the Harbour Chamber of Commerce today. Later the "
                "Harbour Chamber of Commerce wrote to us.")
        self.assertIn("cut name", kc.fragment(d, "Harbour Chamber"))
        self.assertIsNone(kc.fragment(d, "Harbour Chamber of Commerce"))

    def test_name_cut_after_of(self):
        d = doc("She works at the Museum of Rural Crafts. The Museum of "
                "Rural Crafts is old.")
        self.assertIn("cut name", kc.fragment(d, "Rural Crafts"))

    def test_acronym_after_a_title_is_whole(self):
        d = doc("Jo Lee, President of ACME, spoke. Then the President of "
                "ACME left. ACME grew.")
        self.assertIsNone(kc.fragment(d, "ACME"))

    def test_abbreviation_keeps_its_period(self):
        d = doc("He works for Brightwater Systems S.A. in town.")
        self.assertEqual(kc.fragment(d, "Brightwater Systems S.A"),
                         "abbreviation without its period")
        self.assertIsNone(kc.fragment(d, "Brightwater Systems S.A."))

    @unittest.skipUnless(kc.wordnet().ok, "no WordNet")
    def test_english_phrase_ending_in_a_verb_or_participle(self):
        d = doc("The modernisation experienced by firms was fast. It went "
                "well. The model trained on news worked.")
        self.assertIn("not mostly a noun",
                      kc.fragment(d, "modernisation experienced"))
        self.assertIn("not mostly a noun", kc.fragment(d, "model trained"))
        self.assertIsNone(kc.fragment(d, "news model"))
        self.assertIsNone(kc.fragment(d, "machine learning"))

    @unittest.skipUnless(kc.wordnet().ok, "no WordNet")
    def test_adverb_phrase(self):
        d = doc("Pens, paper et cetera were bought.")
        self.assertIn("adverb", kc.fragment(d, "paper et cetera"))


class Casing(unittest.TestCase):
    def test_sentence_initial_capital_casts_no_vote(self):
        d = doc("Riverside Transit runs buses. We like Riverside Transit. "
                "The plan of Riverside Transit is good.")
        self.assertEqual(kc.miscased(d, "riverside transit"),
                         "Riverside Transit")
        self.assertIsNone(kc.miscased(d, "Riverside Transit"))

    def test_line_start_casts_no_vote(self):
        d = doc("Charging depots\nare built. A charging depot is a place.\n"
                "Charging depot costs rise.")
        self.assertIsNone(kc.miscased(d, "charging depot"))
        self.assertEqual(kc.miscased(d, "Charging depot"), "charging depot")

    def test_mixed_case_words(self):
        d = doc("The F1 score rose. Our F1 score fell. The NLP task is hard.")
        self.assertEqual(kc.miscased(d, "f1 score"), "F1 score")
        self.assertEqual(kc.miscased(d, "nlp task"), "NLP task")
        self.assertIsNone(kc.miscased(d, "F1 score"))

    def test_speaker_labels_are_no_text(self):
        d = doc("Project Manager: the project budget is set.\n"
                "Marketing: a project budget, yes.\n")
        self.assertIsNone(kc.miscased(d, "project budget"))
        self.assertEqual([t.text for t in d.toks][:2], ["the", "project"])

    def test_possessive_votes_for_its_stem(self):
        d = doc("We read Northwind Transit's plan and Northwind Transit's map.")
        self.assertEqual(kc.miscased(d, "northwind transit"),
                         "Northwind Transit")


class Reading(unittest.TestCase):
    def test_srt_without_timings_and_numbers(self):
        with tempfile.NamedTemporaryFile("w", suffix=".srt",
                                         delete=False) as f:
            f.write("1\n00:00:01,000 --> 00:00:02,000\n<i>Hello</i> there\n\n"
                    "2\n00:00:02,000 --> 00:00:03,000\nGeneral Kenobi\n")
        try:
            self.assertEqual(kc.read_text(f.name).split(),
                             ["Hello", "there", "General", "Kenobi"])
        finally:
            os.unlink(f.name)

    def test_check_list_counts_each_fault(self):
        d = doc("The Quay Chamber of Commerce met. The Quay Chamber of "
                "Commerce voted. We like the quay chamber. The quay chamber "
                "is red.")
        faults = dict(kc.check_list(d, ["Quay Chamber", "quay chamber"]))
        self.assertEqual([f[0] for f in faults["quay chamber"]],
                         ["duplicate"])


if __name__ == "__main__":
    sys.exit(0 if unittest.main(exit=False, verbosity=1).result.wasSuccessful()
             else 1)
