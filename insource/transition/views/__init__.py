"""Officers' transition pages, mounted at /transition/: the authority's plans, a plan with its
milestones (`plans`), the transferring workforce (`workforce`) and the authority's milestone
templates (`milestone_templates`)."""
