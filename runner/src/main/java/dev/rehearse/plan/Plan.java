package dev.rehearse.plan;

import dev.rehearse.bind.Bindings;
import dev.rehearse.guide.Guide;

import java.util.List;

/** A runbook turned into steps: the guide, its numbered steps and the bindings that apply to them. */
public record Plan(String name, Guide guide, List<Step> steps, Bindings bindings) {
}
