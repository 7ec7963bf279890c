"""An integer `in` lookup that leaves out values no integer column can hold.

Django answers `pk=<a number beyond the column's range>` with no rows (its IntegerFieldOverflow
lookups) but sends the same number inside `pk__in=[...]` to the database as it is. SQLite then
raises OverflowError, so a form that posts a 20-digit theme id answered with a server error
(Django's ModelMultipleChoiceField checks the posted ids with `pk__in`). Left out, such a value
matches nothing, as it would in `pk=`, and the form says the choice is not valid.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            # An empty list is answered by In with no rows (EmptyResultSet), without a query.
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
