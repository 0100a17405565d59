"""Weerbaar's headless engine: load, check, play and explore branching scenarios.

The engine never imports pygame, never prints, never reads the clock and never uses global
randomness; everything here runs and is tested without a screen.
"""
from .diagnostics import CODES, Diagnostic, ScenarioError, Severity
from .loader import check_file, check_text, load_scenario, load_scenario_text
from .model import Choice, Ending, Meter, Scenario, Scene, Text

__all__ = ["CODES", "Choice", "Diagnostic", "Ending", "Meter", "Scenario", "ScenarioError",
           "Scene", "Severity", "Text", "check_file", "check_text", "load_scenario",
           "load_scenario_text"]
