-- The transitions of every case's timeline (docs/measures.md, transitions and bottlenecks): one row per
-- milestone a case reached by as_of, going to the next milestone it reached or waiting for one.
--
-- Milestones in their reference order; a case that skips one goes from the previous reached
-- milestone to the next reached one (lead_created → order_created). A milestone reached out of
-- order (a deposit invoice before the delivery) counts as reached when the case reached the
-- milestone before it: start_at and end_at are running maxima, so no transition is negative and
-- the transitions of a case add up to the time from its first to its last milestone.
-- `out_of_order` marks the transitions whose end milestone really happened before their start.
--
-- A case's last milestone waits for the next one (end_at NULL) unless the case is paid, or it
-- never got an order and was lost by as_of: all its opportunities closed without a win, or
-- (without opportunities) its lead disqualified. Which milestone it waits for depends on the data
-- loaded, so to_milestone stays NULL here and is resolved when read (ltc_transition_steps).
-- Each row carries its case's segments, lead creation and cash moment (paid_at, NULL while not
-- paid by as_of) for the lead-to-cash cohort, and the position of its start milestone in the case.
--
-- Where opportunities are loaded and no orders (a CRM export alone), a case's opportunities end it:
-- it is won when one of them is won (the first win's close) and lost when all of them closed without
-- a win (the last close); an open one waits to be won. Where a stage history of the case's first
-- opportunity is loaded, its stages ('stage:<label>') stand for the opportunity's creation, and a
-- closed opportunity's last stage — the one it closed in — is its outcome. An opportunity without a
-- creation date starts nothing. With orders loaded none of this applies: the timelines are the
-- milestones alone.

-- The live computation, for any as_of and filter.
CREATE OR REPLACE TEMP MACRO ltc_case_transitions(as_of, filter) AS TABLE
  WITH workspace AS (
    -- Opportunity outcomes are milestones only where nothing downstream of an opportunity is loaded.
    SELECT NOT EXISTS (FROM main.orders) AND EXISTS (FROM main.opportunities) AS outcomes
  ),
  opportunity_outcomes AS (
    SELECT oc.case_id,
      bool_and(coalesce(o.is_closed, false) AND NOT coalesce(o.is_won, false)
        AND coalesce(o.closed_at <= as_of, true)) AS all_lost,
      min(o.closed_at) FILTER (WHERE o.is_won AND o.closed_at <= as_of) AS won_at,
      max(o.closed_at) FILTER (WHERE o.is_closed AND NOT coalesce(o.is_won, false) AND o.closed_at <= as_of) AS lost_at,
      arg_min(o.stage, (o.created_at, o.opportunity_id)) AS current_stage
    FROM opportunities o JOIN model.opportunity_cases oc USING (opportunity_id)
    WHERE o.created_at <= as_of
    GROUP BY oc.case_id
  ),
  -- Stage histories (Salesforce OpportunityHistory, HubSpot deal stages): events "Stage: <stage>" of
  -- an opportunity, named by the stage dictionary's label where one is loaded.
  stage_labels AS (
    SELECT stage_id, any_value(label) AS label FROM stages WHERE label IS NOT NULL GROUP BY stage_id
  ),
  stage_events AS (
    SELECT e.case_id AS opportunity_id, coalesce(sl.label, substr(e.activity, 8)) AS stage,
      e.timestamp, coalesce(e.batch_id, -1) AS tie_batch, e.event_index
    FROM events e
    LEFT JOIN stage_labels sl ON sl.stage_id = substr(e.activity, 8)
    WHERE (SELECT outcomes FROM workspace) AND e.object_type IN ('opportunity', 'deal')
      AND e.activity LIKE 'Stage: %' AND e.timestamp <= as_of
  ),
  -- The stage history of a case's first opportunity (by its first stage), stages in time order.
  case_stages AS (
    SELECT oc.case_id, arg_min(h.chain, (h.chain[1].moment, h.opportunity_id)) AS chain
    FROM (
      SELECT opportunity_id, list({'stage': stage, 'moment': timestamp} ORDER BY timestamp, tie_batch, event_index) AS chain
      FROM stage_events GROUP BY opportunity_id
    ) h
    JOIN model.opportunity_cases oc USING (opportunity_id)
    JOIN opportunities o USING (opportunity_id)
    WHERE o.created_at <= as_of OR o.created_at IS NULL
    GROUP BY oc.case_id
  ),
  reached AS (
    SELECT c.case_id, c.origin, c.lead_id, c.first_order_id AS order_id, c.source, c.owner, c.region, c.segment,
      c.attributes, c.lead_created_at, CASE WHEN c.paid_at <= as_of THEN c.paid_at END AS paid_at,
      coalesce(c.order_created_at > as_of, true)
        AND coalesce(oo.all_lost, l.disqualified_at <= as_of, false) AS lost,
      CASE WHEN c.lead_created_at <= as_of THEN c.lead_created_at END AS m1,
      CASE WHEN c.qualified_at <= as_of THEN c.qualified_at END AS m2,
      CASE WHEN c.opportunity_created_at <= as_of THEN c.opportunity_created_at END AS m3,
      CASE WHEN c.quote_sent_at <= as_of THEN c.quote_sent_at END AS m4,
      CASE WHEN c.order_created_at <= as_of THEN c.order_created_at END AS m5,
      CASE WHEN c.delivered_at <= as_of THEN c.delivered_at END AS m6,
      CASE WHEN c.invoiced_at <= as_of THEN c.invoiced_at END AS m7,
      CASE WHEN c.paid_at <= as_of THEN c.paid_at END AS m8,
      w.outcomes, oo.won_at, oo.lost_at, cs.chain,
      -- a closed opportunity's last stage is the one that closed it (its outcome, at that moment)
      w.outcomes AND (oo.won_at IS NOT NULL OR (oo.all_lost AND oo.lost_at IS NOT NULL))
        AND cs.chain[-1].stage IN (oo.current_stage, (SELECT label FROM stage_labels WHERE stage_id = oo.current_stage)) AS closed_by_stage
    FROM model.cases c
    CROSS JOIN workspace w
    LEFT JOIN opportunity_outcomes oo USING (case_id)
    LEFT JOIN case_stages cs USING (case_id)
    LEFT JOIN leads l ON l.lead_id = c.lead_id
    WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, filter)
  ),
  marked AS (
    SELECT * EXCLUDE (m1, m2, m3, m4, m5, m6, m7, m8, outcomes, won_at, lost_at, chain, closed_by_stage), list_filter(list_concat(
        [{'milestone': 'lead_created', 'moment': m1}, {'milestone': 'qualified', 'moment': m2}],
        -- the opportunity's stages stand for its creation where its history is loaded
        -- (a history of its closing stage alone leaves the creation as the start)
        CASE WHEN len(CASE WHEN closed_by_stage THEN chain[:-2] ELSE chain END) > 0
          THEN list_transform(CASE WHEN closed_by_stage THEN chain[:-2] ELSE chain END,
            lambda s: {'milestone': 'stage:' || s.stage, 'moment': s.moment})
          ELSE [{'milestone': 'opportunity_created', 'moment': m3}] END,
        [{'milestone': 'quote_sent', 'moment': m4},
         {'milestone': 'won', 'moment': CASE WHEN outcomes AND won_at IS NOT NULL
            THEN CASE WHEN closed_by_stage THEN chain[-1].moment ELSE won_at END END},
         {'milestone': 'lost', 'moment': CASE WHEN outcomes AND won_at IS NULL AND lost AND lost_at IS NOT NULL
            THEN CASE WHEN closed_by_stage THEN chain[-1].moment ELSE lost_at END END},
         {'milestone': 'order_created', 'moment': m5}, {'milestone': 'delivered', 'moment': m6},
         {'milestone': 'invoiced', 'moment': m7}, {'milestone': 'paid', 'moment': m8}]
      ), lambda m: m.moment IS NOT NULL) AS marks
    FROM reached
  ),
  timelines AS (
    SELECT * EXCLUDE (marks), list_transform(marks, lambda m, i: {
        'milestone': m.milestone, 'moment': m.moment, 'position': i,
        'reached_at': list_max(list_transform(marks[:i], lambda x: x.moment))
      }) AS reached
    FROM marked
  ),
  steps AS (
    SELECT * EXCLUDE (reached), unnest(reached) AS step, unnest(list_concat(reached[2:], [NULL])) AS next_step
    FROM timelines
  )
  SELECT case_id, origin, lead_id, order_id, source, owner, region, segment, attributes, lead_created_at, paid_at,
    step.milestone AS from_milestone, next_step.milestone AS to_milestone,
    step.reached_at AS start_at, next_step.reached_at AS end_at,
    (epoch_us(next_step.reached_at) - epoch_us(step.reached_at)) / 86400e6 AS days,
    coalesce(next_step.moment < step.reached_at, false) AS out_of_order,
    step.position
  FROM steps
  WHERE next_step IS NOT NULL OR (step.milestone NOT IN ('paid', 'won', 'lost') AND NOT lost);

-- Materialized as of data_end for every case, so the dashboard reads a ready table.
CREATE TABLE model.case_transitions AS
FROM ltc_case_transitions((SELECT data_end FROM model.facts), '{}'::JSON);

-- What the transition queries read: the table when as_of is data_end (live = false), the live
-- computation for another as_of; the filter applied, and a waiting case's next milestone resolved
-- from next_milestones ({"lead_created": "qualified", …}: the next milestone whose data is loaded).
CREATE OR REPLACE TEMP MACRO ltc_transition_steps(as_of, filter, next_milestones, live) AS TABLE
  WITH chosen AS (
    SELECT * FROM model.case_transitions
    WHERE NOT live AND ltc_case_in(source, owner, region, segment, attributes, filter)
    UNION ALL
    SELECT * FROM ltc_case_transitions(as_of, filter) WHERE live
  ),
  resolved AS (
    SELECT * EXCLUDE (attributes, to_milestone),
      coalesce(to_milestone, next_milestones ->> CASE WHEN from_milestone LIKE 'stage:%' THEN 'opportunity_created' ELSE from_milestone END) AS to_milestone
    FROM chosen
  )
  SELECT *, from_milestone || '→' || to_milestone AS transition, end_at IS NULL AS waiting
  FROM resolved
  WHERE to_milestone IS NOT NULL;
