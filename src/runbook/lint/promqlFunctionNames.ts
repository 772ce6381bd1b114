/**
 * PromQL function and aggregation names, only for "did you mean" hints on an unknown function:
 * the grammar itself decides what parses, so a name missing here costs a hint, never a false error.
 * The most used come first: they win ties (`rat` → `rate`, not `rad`).
 */
export const PROMQL_FUNCTION_NAMES: readonly string[] = [
  'rate', 'sum', 'increase', 'irate', 'histogram_quantile', 'avg', 'max', 'min', 'count', 'topk',
  'abs', 'absent', 'absent_over_time', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'avg_over_time',
  'ceil', 'changes', 'clamp', 'clamp_max', 'clamp_min', 'cos', 'cosh', 'count_over_time', 'day_of_month',
  'day_of_week', 'day_of_year', 'days_in_month', 'deg', 'delta', 'deriv', 'double_exponential_smoothing', 'exp',
  'first_over_time', 'floor', 'histogram_avg', 'histogram_count', 'histogram_fraction',
  'histogram_stddev', 'histogram_stdvar', 'histogram_sum', 'hour', 'idelta', 'info',
  'label_join', 'label_replace', 'last_over_time', 'ln', 'log10', 'log2', 'mad_over_time', 'max_over_time',
  'min_over_time', 'minute', 'month', 'pi', 'predict_linear', 'present_over_time', 'quantile_over_time', 'rad',
  'resets', 'round', 'scalar', 'sgn', 'sin', 'sinh', 'sort', 'sort_by_label', 'sort_by_label_desc',
  'sort_desc', 'sqrt', 'stddev_over_time', 'stdvar_over_time', 'sum_over_time', 'tan', 'tanh', 'time',
  'timestamp', 'vector', 'year',
  'bottomk', 'count_values', 'group', 'limitk', 'limit_ratio', 'quantile',
  'stddev', 'stdvar',
];
