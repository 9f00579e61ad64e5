"""Warnings: what does not block a preview but should be completed before publishing."""


def completeness_warnings(catalogue, problems):
    for profession in catalogue.professions.values():
        missing = profession.missing_descriptions()
        if missing:
            problems.warning(profession.source, f"profession '{profession.id}': not described yet: "
                                                f"write {', '.join(missing)}")
        if not profession.trainings:
            problems.warning(profession.source, f"profession '{profession.id}': no training yet: "
                                                "add the ids of trainings that lead to it under `trainings:`")
    for training in catalogue.trainings.values():
        if not training.professions:
            problems.warning(training.source, f"training '{training.id}': leads to no profession: "
                                              "list it under `trainings:` of a profession")
