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
-- paid by as_of) for the lead-to-cash cohort.

-- The live computation, for any as_of and filter.
CREATE OR REPLACE TEMP MACRO ltc_case_transitions(as_of, filter) AS TABLE
  WITH opportunity_outcomes AS (
    SELECT oc.case_id,
      bool_and(coalesce(o.is_closed, false) AND NOT coalesce(o.is_won, false)
        AND coalesce(o.closed_at <= as_of, true)) AS all_lost
    FROM opportunities o JOIN model.opportunity_cases oc USING (opportunity_id)
    WHERE o.created_at <= as_of
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
      CASE WHEN c.paid_at <= as_of THEN c.paid_at END AS m8
    FROM model.cases c
    LEFT JOIN opportunity_outcomes oo USING (case_id)
    LEFT JOIN leads l ON l.lead_id = c.lead_id
    WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, filter)
  ),
  timelines AS (
    SELECT * EXCLUDE (m1, m2, m3, m4, m5, m6, m7, m8), list_filter([
        {'milestone': 'lead_created', 'moment': m1, 'reached_at': m1},
        {'milestone': 'qualified', 'moment': m2, 'reached_at': greatest(m1, m2)},
        {'milestone': 'opportunity_created', 'moment': m3, 'reached_at': greatest(m1, m2, m3)},
        {'milestone': 'quote_sent', 'moment': m4, 'reached_at': greatest(m1, m2, m3, m4)},
        {'milestone': 'order_created', 'moment': m5, 'reached_at': greatest(m1, m2, m3, m4, m5)},
        {'milestone': 'delivered', 'moment': m6, 'reached_at': greatest(m1, m2, m3, m4, m5, m6)},
        {'milestone': 'invoiced', 'moment': m7, 'reached_at': greatest(m1, m2, m3, m4, m5, m6, m7)},
        {'milestone': 'paid', 'moment': m8, 'reached_at': greatest(m1, m2, m3, m4, m5, m6, m7, m8)}
      ], lambda m: m.moment IS NOT NULL) AS reached
    FROM reached
  ),
  steps AS (
    SELECT * EXCLUDE (reached), unnest(reached) AS step, unnest(list_concat(reached[2:], [NULL])) AS next_step
    FROM timelines
  )
  SELECT case_id, origin, lead_id, order_id, source, owner, region, segment, attributes, lead_created_at, paid_at,
    step.milestone AS from_milestone, next_step.milestone AS to_milestone,
    step.reached_at AS start_at, next_step.reached_at AS end_at,
    (epoch_us(next_step.reached_at) - epoch_us(step.reached_at)) / 86400e6 AS days,
    coalesce(next_step.moment < step.reached_at, false) AS out_of_order
  FROM steps
  WHERE next_step IS NOT NULL OR (step.milestone <> 'paid' AND NOT lost);

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
      coalesce(to_milestone, next_milestones ->> from_milestone) AS to_milestone
    FROM chosen
  )
  SELECT *, from_milestone || '→' || to_milestone AS transition, end_at IS NULL AS waiting
  FROM resolved
  WHERE to_milestone IS NOT NULL;
